/** The accept page of the web app for a token (tokens are URL-safe base64, no escaping needed). */
export const invitationLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/invite/${token}`;
