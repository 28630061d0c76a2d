
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
  'count.left.one': str`You have ${0} character left`,
  'count.over.one': str`${0} character too many`,
  's02d6e887df1b0228': str`You have ${0} characters left`,
  's0798f4e889cfebe4': str`The server had a problem (${0})`,
  's0bcff311400e280f': `Enter your user name and password.`,
  's0cf300e598c1c892': `It cannot be shown for now. Try again later or contact the website’s administrator.`,
  's1b16ca41a5e02f78': `The server could not be reached. Check the connection and try again.`,
  's1d840b5b7116c12c': str`There are ${0} problems to fix`,
  's2175d2af35f33054': `The server is not answering right now. Please select “Retry” in a moment.`,
  's28c7cdd70e0a2122': `It may have been removed. Try again later or contact the website’s administrator.`,
  's28ce9ea7c2be586f': `Please note`,
  's2b3e3b08abe71ba8': `Password`,
  's388d144a9cd2561b': `Enter your password`,
  's40e12e1290d20937': `User name`,
  's484550b2348fed66': `Staff sign-in`,
  's49c3503a8d7ed48d': str`${0} characters too many`,
  's50fb4cf017548249': `Loading…`,
  's5588316525c3ad00': `The data received is not in the expected format`,
  's56bf85a32648e1ef': `Please select “Retry”.`,
  's57f823b135b21c10': str`Remove ${0}`,
  's6d6dfca4a811a0eb': `You are signed out.`,
  's70c1fedb17efbe93': `There is 1 problem to fix`,
  's75adeedc711eaeaf': `The information was not found`,
  's7e21edd1537baffe': ` (optional)`,
  's8aebda47453974c5': `Too many failed attempts: signing in is locked for a while. Try again later, or ask an administrator to reset your password.`,
  's92e31dea777c61f6': `Enter your user name`,
  's93673064296e9fe6': `Uploading…`,
  's9e06144cc7f93d62': `This is not something you did wrong. Please select “Retry” in a moment.`,
  'sb32373084660391d': `Sign in`,
  'sba8b3d6394a03e71': `The server could not be reached`,
  'sc576193b89bcf538': `Signing in…`,
  'sc5cfca390dd10860': `The server cannot sign you in right now. Please try again in a moment.`,
  'sc61b620856ba22ba': `Remove`,
  'sca4d2410abbcc752': `The user name or password is not right. Check them and try again (letters are case-sensitive).`,
  'sca7739f011778b90': `Check your internet connection, then select “Retry”.`,
  'sdb92f9237261b514': `The request was cancelled`,
  'se4ada14c758b0e2b': str`Your session has ended. Sign in again; ${0}`,
  'sf14eef0954efc3b7': `Retry`,
  'sf3eee7744661ef93': `The server took too long to answer`,
  'sfb96d9095ccbf1e1': `Error`,
};

export { runtimeMsg as translate } from '@lit/localize/internal/runtime-msg.js';
