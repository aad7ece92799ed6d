import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { activityGenerator } from './generator';

describe('activity generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes a plugin package with its activity, spec and Nx project', async () => {
    await activityGenerator(tree, { name: 'erp-order' });

    const root = 'plugins/erp-order';
    for (const file of [
      'package.json',
      'project.json',
      'tsconfig.json',
      'jest.config.js',
      'README.md',
      'src/index.ts',
      'src/erp-order.activity.ts',
      'src/erp-order.activity.spec.ts',
    ]) {
      expect(tree.exists(`${root}/${file}`)).toBe(true);
    }
    expect(readJson(tree, `${root}/package.json`)).toMatchObject({
      name: '@baton/plugin-erp-order',
      license: 'Apache-2.0',
      main: 'src/index.ts',
    });
    expect(readJson(tree, `${root}/project.json`)).toMatchObject({
      name: 'plugin-erp-order',
      sourceRoot: 'plugins/erp-order/src',
      tags: ['scope:server', 'type:lib'],
    });
    expect(readJson(tree, `${root}/tsconfig.json`).extends).toBe('../../tsconfig.base.json');
    const activity = tree.read(`${root}/src/erp-order.activity.ts`, 'utf8');
    expect(activity).toContain("name: 'erp.order'");
    expect(activity).toContain("title: 'Erp order'");
    expect(activity).toContain('export const erpOrder = defineActivity(');
    expect(tree.read(`${root}/src/index.ts`, 'utf8')).toContain('activities: [erpOrder]');
    expect(tree.read(`${root}/src/erp-order.activity.spec.ts`, 'utf8')).toContain(
      "from '@baton/activity-sdk/testing'",
    );
  });

  it('honours another directory, with paths relative to it', async () => {
    await activityGenerator(tree, { name: 'fax', directory: 'custom/steps' });

    expect(tree.exists('custom/steps/fax/src/fax.activity.ts')).toBe(true);
    expect(readJson(tree, 'custom/steps/fax/tsconfig.json').extends).toBe(
      '../../../tsconfig.base.json',
    );
    expect(tree.read('custom/steps/fax/jest.config.js', 'utf8')).toContain(
      "require('../../../jest.preset.js')",
    );
  });

  it('refuses a name that is not kebab-case and a folder that exists', async () => {
    await expect(activityGenerator(tree, { name: 'Bad Name' })).rejects.toThrow(/kebab-case/);
    await activityGenerator(tree, { name: 'twice' });
    await expect(activityGenerator(tree, { name: 'twice' })).rejects.toThrow(/already exists/);
  });
});
