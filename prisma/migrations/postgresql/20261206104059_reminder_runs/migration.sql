-- CreateTable
CREATE TABLE "ReminderRun" (
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runnerHost" TEXT,
    "runnerPid" INTEGER,
    "heartbeatAt" TIMESTAMP(3),
    "error" TEXT,
    "due" INTEGER,
    "created" INTEGER,
    "emailsSent" INTEGER,
    "emailFailures" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ReminderRun_pkey" PRIMARY KEY ("day")
);
