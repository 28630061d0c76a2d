/** `zwgk-signed-in`: a member of staff signed in to `<zwgk-request-desk>`. */
export interface ZwgkSignedInDetail {
  /** the account's display name */
  name: string;
  role: 'clerk' | 'head' | 'admin';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-signed-in': CustomEvent<ZwgkSignedInDetail>;
  }
}
