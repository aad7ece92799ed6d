import { generateFiles, joinPathFragments, names, offsetFromRoot, type Tree } from '@nx/devkit';
import * as path from 'node:path';
import type { ActivityGeneratorSchema } from './schema';

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `nx g @baton/activity-sdk:activity <name>`: a plugin package with one activity and its spec. */
// The templates are written prettier-clean, so no formatter runs (none may be installed).
export async function activityGenerator(tree: Tree, options: ActivityGeneratorSchema) {
  if (!kebab.test(options.name)) {
    throw new Error(`name "${options.name}" must be kebab-case, e.g. erp-order`);
  }
  const root = joinPathFragments(options.directory ?? 'plugins', options.name);
  if (tree.exists(root)) throw new Error(`${root} already exists`);
  const { propertyName } = names(options.name);
  generateFiles(tree, path.join(__dirname, 'files'), root, {
    name: options.name,
    // The activity name the flows record: `erp-order` becomes `erp.order`.
    activityName: options.name.replace(/-/g, '.'),
    title: options.name.charAt(0).toUpperCase() + options.name.slice(1).replace(/-/g, ' '),
    propertyName,
    root,
    offset: offsetFromRoot(root),
    tmpl: '',
  });
}

export default activityGenerator;
