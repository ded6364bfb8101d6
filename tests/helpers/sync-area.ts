import type { Area } from '../../src/sync/engine';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const copy = <T>(value: T): T => structuredClone(value);

/** A storage area in memory (storage.local of one installation). */
export class MemoryArea implements Area {
  readonly data = new Map<string, unknown>();
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, copy(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, copy(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}

const GONE = Symbol('removed');

/**
 * The browser vendor's sync servers, shared by every installation of the shopper's. Each
 * installation sees its own replica: its writes land there at once and reach the cloud only
 * when delivered (`up`), and the others' writes reach it only when delivered down (`down`), in
 * whatever order a test chooses: the browsers' sync engines promise nothing more.
 */
export class SyncCloud {
  readonly server = new Map<string, unknown>();
  replica(): SyncReplica {
    return new SyncReplica(this);
  }
}

export class SyncReplica extends MemoryArea {
  readonly pending = new Map<string, unknown>();
  readonly listeners = new Set<Listener>();
  writes = 0;
  /** the next write is refused with this message (a quota or rate error) */
  refuseNext: string | undefined;

  constructor(readonly cloud: SyncCloud) {
    super();
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    if (this.refuseNext) {
      const message = this.refuseNext;
      this.refuseNext = undefined;
      throw new Error(message);
    }
    this.writes += 1;
    await super.set(items);
    for (const [k, v] of Object.entries(items)) this.pending.set(k, copy(v));
  }

  override async remove(keys: string | string[]): Promise<void> {
    await super.remove(keys);
    for (const k of typeof keys === 'string' ? [keys] : keys) this.pending.set(k, GONE);
  }

  /** This replica's writes reach the cloud. */
  up(): void {
    for (const [k, v] of this.pending) {
      if (v === GONE) this.cloud.server.delete(k);
      else this.cloud.server.set(k, copy(v));
    }
    this.pending.clear();
  }

  /** The cloud's state reaches this replica (its own writes not yet sent stay), with onChanged. */
  down(): void {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    const keys = new Set([...this.data.keys(), ...this.cloud.server.keys()]);
    for (const k of keys) {
      if (this.pending.has(k)) continue;
      const before = this.data.get(k);
      const after = this.cloud.server.get(k);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      if (after === undefined) this.data.delete(k);
      else this.data.set(k, copy(after));
      changes[k] = { oldValue: before, newValue: after };
    }
    if (Object.keys(changes).length > 0) for (const l of this.listeners) l(changes, 'sync');
  }

  readonly onChanged = {
    addListener: (l: Listener) => void this.listeners.add(l),
    removeListener: (l: Listener) => void this.listeners.delete(l),
  };
}
