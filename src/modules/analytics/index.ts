export { type HourCount, ViewsRepository } from './views.repository.ts';
export {
  type CardSource,
  hourStart,
  isAutomated,
  mostReadSize,
  type ViewInput,
  ViewsService,
} from './views.service.ts';
