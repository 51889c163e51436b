-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoMimeType" TEXT,
ADD COLUMN     "logoSha256" TEXT;
