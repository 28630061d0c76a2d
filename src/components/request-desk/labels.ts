/**
 * The status and outcome labels (core/lifecycle, which carries the annual
 * report's row labels) load with the desk, not with the kit: a page that
 * registers every element but shows only the citizen's side never downloads
 * them before the status lookup needs them. The desk renders nothing that
 * uses them until loadLabels() has resolved.
 */
import { lazyModule } from '../base/lazy-module.js';

type Lifecycle = typeof import('../../core/lifecycle/index.js');

const lifecycle = lazyModule(() => import('../../core/lifecycle/index.js'));

export const loadLabels = (): Promise<Lifecycle> => lifecycle.load();

/** The labels; only called while rendering after loadLabels() resolved. */
export function labels(): Lifecycle {
  const loaded = lifecycle.value;
  if (!loaded) throw new Error('zwgk-request-desk rendered before its labels loaded');
  return loaded;
}

export const labelsLoaded = (): boolean => lifecycle.value !== undefined;
