import { locateSourcePath } from '../../lib/compile';
import complete from '../fixtures/apps/complete';

describe('locateSourcePath', () => {
  test.each([
    [
      ['modules', 1, 'communication', 1, 'response', 'iterate'],
      {
        component: 'module listTasks',
        file: 'modules/list-tasks/list-tasks.communication.iml.json',
        pointer: '/1/response/iterate',
      },
    ],
    [
      ['modules', 0, 'mappableParameters', 2, 'type'],
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.mappable-params.iml.json',
        pointer: '/2/type',
      },
    ],
    [
      ['modules', 0, 'staticParameters'],
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.static-params.iml.json',
        pointer: '',
      },
    ],
    [
      ['modules', 2, 'epoch', 'response', 'output'],
      {
        component: 'module watchTasks',
        file: 'modules/watch-tasks/watch-tasks.epoch.iml.json',
        pointer: '/response/output',
      },
    ],
    [
      ['modules', 3, 'samples', 'seats'],
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.samples.iml.json',
        pointer: '/seats',
      },
    ],
    [
      ['modules', 3, 'type'],
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount/moduleType',
      },
    ],
    [
      ['modules', 3, 'crud'],
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount/actionCrud',
      },
    ],
    [
      ['modules', 3, 'name'],
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount',
      },
    ],
    [
      ['modules', 3],
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount',
      },
    ],
    [
      ['connections', 0, 'communication', 'token', 'headers', 'a/b~c'],
      {
        component: 'connection acme',
        file: 'connections/acme/acme.oauth-communication.iml.json',
        pointer: '/token/headers/a~1b~0c',
      },
    ],
    [
      ['connections', 1, 'communication', 'url'],
      {
        component: 'connection acme-key',
        file: 'connections/acme-key/acme-key.communication.iml.json',
        pointer: '/url',
      },
    ],
    [
      ['connections', 1, 'type'],
      {
        component: 'connection acme-key',
        file: 'makecomapp.json',
        pointer: '/components/connection/acme-key/connectionType',
      },
    ],
    [
      ['connections', 0, 'common', 'userAgent'],
      {
        component: 'connection acme',
        file: 'connections/acme/acme.common.json',
        pointer: '/userAgent',
      },
    ],
    [
      ['rpcs', 0, 'parameters', 0],
      {
        component: 'rpc listProjects',
        file: 'rpcs/list-projects/list-projects.params.iml.json',
        pointer: '/0',
      },
    ],
    [
      ['base', 'headers', 'Authorization'],
      { component: 'app', file: 'general/base.iml.json', pointer: '/headers/Authorization' },
    ],
    [
      ['groups', 0, 'modules', 1],
      { component: 'app', file: 'modules/groups.json', pointer: '/0/modules/1' },
    ],
    [
      ['common', 'pageSize'],
      { component: 'app', file: 'general/common.json', pointer: '/pageSize' },
    ],
    [['manifest', 'name'], { component: 'app', file: 'general/manifest.json', pointer: '/name' }],
    [['readme'], { component: 'app', file: 'README.md', pointer: '' }],
    [['modules'], { component: 'app', file: 'makecomapp.json', pointer: '/components/module' }],
    [[], { component: 'app', file: 'makecomapp.json', pointer: '' }],
    [['nonsense', 'x'], { component: 'app', file: 'makecomapp.json', pointer: '/nonsense/x' }],
  ] as const)('%j', (path, expected) => {
    expect(locateSourcePath(complete, path)).toEqual(expected);
  });

  test('a component without a usable name is called by its position', () => {
    const app = { modules: [{ name: 42 }] };
    expect(locateSourcePath(app, ['modules', 0, 'communication', 'url'])).toEqual({
      component: 'module #0',
      file: 'modules/#0/#0.communication.iml.json',
      pointer: '/url',
    });
  });

  test('works on input that is not an app at all', () => {
    expect(locateSourcePath(null, ['modules', 3, 'label'])).toEqual({
      component: 'module #3',
      file: 'makecomapp.json',
      pointer: '/components/module/#3/label',
    });
  });
});
