/** What a citizen's input event changes in the application form's values: a pure function of the values and the control. */
import { DELIVERY_FORMATS, DELIVERY_METHODS } from '../../api/types/application.js';
import type { ApplicationFormValues, FieldName } from '../../core/application/form.js';

/** The control an input event came from, as far as the values care. */
export interface InputControl {
  name: string;
  value: string;
  checked: boolean;
  type: string;
  localName: string;
}

/** Whether the control is a choice (radio, checkbox, drop-down): choosing is deliberate, so its error goes at once. */
export function isChoice(control: InputControl): boolean {
  return control.type === 'radio' || control.type === 'checkbox' || control.localName === 'select';
}

/** The values after `control` changed, or undefined when it is not one of the form's fields (or a file picker). */
export function valuesAfterInput(values: ApplicationFormValues, control: InputControl): ApplicationFormValues | undefined {
  const field = control.name as FieldName;
  if (!(field in values) || control.type === 'file') return undefined;
  const next = { ...values };
  if (field === 'formats' || field === 'methods') {
    const list = new Set<string>(next[field]);
    if (control.checked) list.add(control.value);
    else list.delete(control.value);
    // Keep the order of the options, whatever the order of the clicks.
    const order: readonly string[] = field === 'formats' ? DELIVERY_FORMATS : DELIVERY_METHODS;
    next[field] = order.filter((code) => list.has(code)) as never;
    if (field === 'methods' && control.checked) prefillDelivery(next, control.value);
  } else if (field === 'declaration') {
    next.declaration = control.checked;
  } else {
    (next as Record<string, unknown>)[field] = control.value;
  }
  return next;
}

/** The address to send to starts as the one given on the applicant step. */
function prefillDelivery(values: ApplicationFormValues, method: string): void {
  if (method === 'email' && !values.deliveryEmail.trim()) values.deliveryEmail = values.email;
  if (method === 'post') {
    if (!values.deliveryAddress.trim()) values.deliveryAddress = values.address;
    if (!values.deliveryPostcode.trim()) values.deliveryPostcode = values.postcode;
  }
}
