// Zod schemas of the people API (request bodies, responses); exported from the package root.
export {
  openLeadStatuses,
  userStatuses,
  userStatusSchema,
  type UserStatus,
  newPasswordSchema,
} from './people-fields.schema';
export * from './user.schema';
export * from './invitation.schema';
export * from './team.schema';
export * from './schedule-resource.schema';
export * from './source.schema';
