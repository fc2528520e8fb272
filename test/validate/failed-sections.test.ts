// Which component sections count as failed, and whose constraint issues that silences.
import { FailedSections } from '../../lib/validate/failed-sections';

const app = {
  modules: [{ name: 'listTasks' }, { name: 'getAccount' }],
  rpcs: [{ name: 'listProjects' }],
  connections: [{ name: 'acme' }],
};

describe('FailedSections', () => {
  test('a failed interface affects only that module and only the interface', () => {
    const failed = new FailedSections(app, [['modules', 0, 'interface', 2, 'type']]);
    expect(failed.affects('interface', 'module listTasks')).toBe(true);
    expect(failed.affects('interface', 'module getAccount')).toBe(false);
    expect(failed.affects('parameters', 'module listTasks')).toBe(false);
  });

  test('a failed module parameter list also affects the base and RPCs, not other modules', () => {
    const failed = new FailedSections(app, [['modules', 1, 'mappableParameters']]);
    expect(failed.affects('parameters', 'module getAccount')).toBe(true);
    expect(failed.affects('parameters', 'app')).toBe(true);
    expect(failed.affects('parameters', 'rpc listProjects')).toBe(true);
    expect(failed.affects('parameters', 'module listTasks')).toBe(false);
  });

  test('a failed connection parameter list affects that connection only', () => {
    const failed = new FailedSections(app, [['connections', 0, 'parameters', 0]]);
    expect(failed.affects('parameters', 'connection acme')).toBe(true);
    expect(failed.affects('parameters', 'app')).toBe(false);
  });

  test('problems outside the sections affect nothing', () => {
    const failed = new FailedSections(app, [
      ['modules', 0, 'communication', 'url'],
      ['modules', 0, 'samples'],
      ['base', 'headers'],
    ]);
    expect(failed.affects('interface', 'module listTasks')).toBe(false);
    expect(failed.affects('parameters', 'app')).toBe(false);
  });
});
