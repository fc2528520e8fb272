import { SchemaNavigator } from '../../lib/validate/schema-navigator';
import complete from '../fixtures/apps/complete';

const nav = new SchemaNavigator();
const ROOT = 'app.schema.json';

describe('SchemaNavigator (over the project schemas)', () => {
  test('the keys allowed in a response depend on the module type', () => {
    const search = nav.propertiesAt(ROOT, complete, ['modules', 1, 'communication', 1, 'response']);
    const action = nav.propertiesAt(ROOT, complete, ['modules', 0, 'communication', 'response']);
    expect(search).toEqual(expect.arrayContaining(['iterate', 'output', 'limit']));
    expect(action).toContain('output');
    expect(action).not.toContain('iterate');
  });

  test('the values of a discriminator', () => {
    expect(nav.discriminatorValuesAt(ROOT, complete, ['modules', 0], 'type')).toEqual([
      'action',
      'search',
      'universal',
      'trigger',
      'instant_trigger',
      'responder',
    ]);
  });

  test('the competing branches of select options, addressable for ajv', () => {
    const combos = nav.combinatorsAt(ROOT, complete, [
      'modules',
      1,
      'mappableParameters',
      1,
      'options',
    ]);
    expect(combos.map((c) => c.count)).toContain(4);
    const options = combos.find((c) => c.count === 4);
    expect(options?.branchRef(0)).toMatch(/^parameter\.schema\.json#\/.+\/anyOf\/0$/);
  });

  test('the description of a value', () => {
    expect(nav.descriptionAt(ROOT, complete, ['modules', 4, 'communication', 'url'])).toMatch(
      /relative/,
    );
  });

  test('a path the schemas do not describe has no nodes', () => {
    expect(nav.nodesAt(ROOT, complete, ['nonsense', 'x'])).toEqual([]);
  });

  test('every property name of every schema is known (misplaced vs misspelt)', () => {
    const names = nav.allPropertyNames();
    expect(names.has('iterate')).toBe(true);
    expect(names.has('pagination')).toBe(true);
    expect(names.has('iterat')).toBe(false);
  });
});
