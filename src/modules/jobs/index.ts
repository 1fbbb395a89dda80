export type { EnqueueOptions, Job, JobHandler, JobQueue, JobSummary } from './job.ts';
export { retryDelayMs } from './job.ts';
export { JobsRepository } from './jobs.repository.ts';
export { type JobLogger, JobsService } from './jobs.service.ts';
