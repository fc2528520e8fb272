// Local code names (makecomapp.json `codeFiles` keys) → the section names of Make's API.
// Source: make-app-format §4.2, §14.2, §15.2 (Make's VS Code extension uses the same mapping:
// static parameters are Make's `parameters`, mappable parameters are Make's `expect`).
import type {
  SDKConnectionSectionType,
  SDKModuleSectionType,
  SDKRPCSectionType,
  SDKWebhookSectionType,
} from '@makehq/sdk';

export const MODULE_SECTIONS: Readonly<Record<string, SDKModuleSectionType>> = {
  communication: 'api',
  staticParams: 'parameters',
  mappableParams: 'expect',
  interface: 'interface',
  samples: 'samples',
  scope: 'scope',
  epoch: 'epoch',
};

export const CONNECTION_SECTIONS: Readonly<Record<string, SDKConnectionSectionType>> = {
  communication: 'api',
  params: 'parameters',
  scopeList: 'scopes',
  defaultScope: 'scope',
  installSpec: 'installSpec',
  installDirectives: 'install',
};

export const RPC_SECTIONS: Readonly<Record<string, SDKRPCSectionType>> = {
  communication: 'api',
  params: 'parameters',
};

/** A webhook's codes; Make's API has no section for `update`, so a webhook with one is refused. */
export const WEBHOOK_SECTIONS: Readonly<Record<string, SDKWebhookSectionType>> = {
  communication: 'api',
  params: 'parameters',
  attach: 'attach',
  detach: 'detach',
  requiredScope: 'scope',
};

/** Make's numeric module type ids (make-app-format §4.1). */
export const MODULE_TYPE_IDS: Readonly<Record<string, number>> = {
  trigger: 1,
  action: 4,
  search: 9,
  instant_trigger: 10,
  responder: 11,
  universal: 12,
};

export function moduleTypeName(typeId: number): string {
  const found = Object.entries(MODULE_TYPE_IDS).find(([, id]) => id === typeId);
  return found ? found[0] : `type ${typeId}`;
}
