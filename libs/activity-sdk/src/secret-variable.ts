/** The worker variable that holds a named secret: `crm-key` is read from BATON_SECRET_CRM_KEY. */
export const secretVariableName = (name: string): string =>
  `BATON_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
