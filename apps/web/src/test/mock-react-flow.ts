// React Flow measures nodes and handles before it draws edges; jsdom has no layout. These
// stand-ins (after the React Flow testing guide) give every element a size and report it.
class MeasuringResizeObserver {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  private stopped = false;
  observe(target: Element) {
    // Reported on the next tick, as a browser does: the canvas registers its DOM node after the
    // nodes start observing.
    setTimeout(() => {
      if (!this.stopped)
        this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }, 0);
  }
  unobserve() {
    // Nothing to stop: every size is reported once.
  }
  disconnect() {
    this.stopped = true;
  }
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

let installed = false;

export function mockReactFlow() {
  if (installed) return;
  installed = true;
  Object.assign(globalThis, {
    ResizeObserver: MeasuringResizeObserver,
    DOMMatrixReadOnly: DOMMatrixReadOnlyStub,
  });
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { get: () => 100, configurable: true },
    offsetWidth: { get: () => 200, configurable: true },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
