import type { NodeCatalogue } from '../catalogue/node-catalogue';

/** Ids that exist in the database; when given, configs pointing elsewhere are reported. */
export interface KnownReferences {
  scheduleIds?: readonly string[];
  userIds?: readonly string[];
  teamIds?: readonly string[];
}

export interface ValidateGraphOptions {
  /** Node definitions to validate against; the built-in catalogue by default. */
  catalogue?: NodeCatalogue;
  references?: KnownReferences;
}
