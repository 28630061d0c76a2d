/** What the office's stories share: waiting for the element to show something, and filling its sign-in form. */

/** Resolves with what `find` finds, once it does (polls for five seconds). */
export async function until<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never appeared');
}

/** Types a user name and a password into the element's sign-in form (base/staff-sign-in.ts) and submits it. */
export async function submitSignIn(root: ShadowRoot, name: string, password: string): Promise<void> {
  const form = await until(() => root.querySelector<HTMLFormElement>('form[part="sign-in"]'));
  for (const [id, value] of [
    ['name', name],
    ['password', password],
  ] as const) {
    const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  form.requestSubmit();
}
