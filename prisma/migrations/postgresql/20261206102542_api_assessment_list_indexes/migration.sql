-- CreateIndex
CREATE INDEX "Assessment_createdAt_id_idx" ON "Assessment"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Assessment_state_createdAt_id_idx" ON "Assessment"("state", "createdAt", "id");
