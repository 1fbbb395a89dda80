/**
 * A synchronous in-process notification ("this changed"), for caches outside the module that owns the
 * data: the owner emits after commit, app/wire.ts subscribes. A failing listener never fails the caller.
 */
export class Signal<T> {
  private readonly listeners: ((value: T) => void)[] = [];

  on(listener: (value: T) => void): void {
    this.listeners.push(listener);
  }

  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('change listener failed', error);
      }
    }
  }
}
