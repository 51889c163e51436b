-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN "logo" BLOB;
ALTER TABLE "OrgSettings" ADD COLUMN "logoMimeType" TEXT;
ALTER TABLE "OrgSettings" ADD COLUMN "logoSha256" TEXT;
