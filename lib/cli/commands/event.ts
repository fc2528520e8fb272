// `hotmart-make event <EVENT> [--subscriber CODE] [--simulator URL]`: asks a running simulator to
// fire one Hotmart webhook event; the simulator delivers it to its --webhook-url and this command
// prints the envelope it sent.
import type { Command } from 'commander';
import { ReportedFailure } from '../errors';
import type { CliIo } from '../io';

interface EventCommandOptions {
  subscriber?: string;
  simulator: string;
}

export function registerEvent(program: Command, io: CliIo): void {
  program
    .command('event')
    .description(
      'Fire one Hotmart webhook event on a running simulator (sent to its --webhook-url)',
    )
    .argument('<event>', 'the event, e.g. PURCHASE_APPROVED or SUBSCRIPTION_CANCELLATION')
    .option('--subscriber <code>', 'the subscription it is about (default: the first active one)')
    .option('--simulator <url>', 'the running simulator', 'http://127.0.0.1:8787')
    .addHelpText(
      'after',
      `
Example (three terminals):
  $ npx hotmart-make webhook watchEvents --port 8790 --webhook-params-json '{"hottok":"sim-hottok"}'
  $ npx hotmart-make simulator --webhook-url http://127.0.0.1:8790/
  $ npx hotmart-make event PURCHASE_APPROVED

Exit codes: 0 fired, 1 the simulator refused or could not be reached, 2 bad usage.`,
    )
    .action(async (event: string, options: EventCommandOptions) => {
      const url = new URL(`/_simulator/events/${encodeURIComponent(event)}`, options.simulator);
      if (options.subscriber !== undefined) {
        url.searchParams.set('subscriber_code', options.subscriber);
      }
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10_000) });
      } catch {
        io.stderr(
          `No simulator answered at ${options.simulator}; start one with: npx hotmart-make simulator --webhook-url <url>\n`,
        );
        throw new ReportedFailure();
      }
      const body = (await response.json().catch(() => undefined)) as
        { error_description?: unknown } | undefined;
      if (!response.ok) {
        const reason =
          typeof body?.error_description === 'string'
            ? body.error_description
            : `HTTP ${response.status}`;
        io.stderr(`The simulator did not fire ${event}: ${reason}\n`);
        throw new ReportedFailure();
      }
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    });
}
