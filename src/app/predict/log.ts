// The current run's predictions: the learner's committed answers to the lesson's prompts, kept
// beside the run (never in the engine, so no state hash covers them). The session replaces them
// when a run is replaced; the prompt card, Save run and the share link read and follow them.
import { normalizePrediction, withPrediction, type Prediction } from '../../lab/predictionList';
import { Emitter } from '../emitter';

export interface PredictionEvents {
  change: (list: readonly Prediction[]) => void;
}

export class PredictionLog extends Emitter<PredictionEvents> {
  private items: Prediction[] = [];

  /** The answers in prompt order (a copy). */
  list(): Prediction[] {
    return this.items.map((p) => structuredClone(p));
  }

  /** The answer to one prompt, if any. */
  of(prompt: number): Prediction | undefined {
    return this.items.find((p) => p.prompt === prompt);
  }

  /** Commits an answer, in place of an earlier answer to the same prompt. */
  commit(p: Prediction): void {
    this.items = withPrediction(this.items, p);
    this.emit('change', this.list());
  }

  /** Replaces every answer (a new run: none; an opened file or link: its own). */
  reset(list: readonly Prediction[] = []): void {
    this.items = list.map(normalizePrediction).sort((a, b) => a.prompt - b.prompt);
    this.emit('change', this.list());
  }
}
