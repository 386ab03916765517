import { Subject } from 'rxjs';

/** Progress of a long computation, emitted every ~1% of its rounds. */
export interface ProgressEvent {
  readonly type: 'progress';
  readonly task: string;
  readonly done: number;
  readonly total: number;
}

/** One evaluation finished. */
export interface EvaluationEvent {
  readonly type: 'evaluation';
  readonly task: string;
  readonly rounds: number;
  readonly seconds: number;
}

/** The engine switched an evaluation to the μ grid. */
export interface NoticeEvent {
  readonly type: 'notice';
  readonly task: string;
  readonly message: string;
}

export type ArenaEvent = ProgressEvent | EvaluationEvent | NoticeEvent;

/** The engine's event stream. The CLI's progress output, the logger and tests subscribe to it. */
export class EventBus {
  readonly events$ = new Subject<ArenaEvent>();

  emit(e: ArenaEvent): void {
    if (this.events$.observed) this.events$.next(e);
  }
}
