-- CreateTable
CREATE TABLE "ReminderRun" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runnerHost" TEXT,
    "runnerPid" INTEGER,
    "heartbeatAt" DATETIME,
    "error" TEXT,
    "due" INTEGER,
    "created" INTEGER,
    "emailsSent" INTEGER,
    "emailFailures" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);
