/** `zwgk-signed-out`: the desk's session ended — signed out by the user, or expired on the server. */
export interface ZwgkSignedOutDetail {
  reason: 'signed-out' | 'expired';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zwgk-signed-out': CustomEvent<ZwgkSignedOutDetail>;
  }
}
