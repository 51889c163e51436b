import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareVersionsForm } from "@/components/assessments/compare-versions-form";
import { ComparisonView } from "@/components/assessments/comparison-view";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { compareAssessmentVersions } from "@/lib/server/services/assessments/compare";

export const metadata: Metadata = { title: "Compare assessments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CompareAssessmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("assessment.read");
  const query = await searchParams;
  const a = typeof query.a === "string" ? query.a : "";
  const b = typeof query.b === "string" ? query.b : "";
  // Arriving without versions is not a mistake to flag: say how to choose two.
  if (!a || !b) return <ChooseVersions />;
  let result;
  try {
    result = await compareAssessmentVersions({ actor, input: { a, b } });
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) {
      if (e.code === "NOT_FOUND") notFound();
      return (
        <div className="stack">
          <h1>Compare assessments</h1>
          <div className="alert alert-error" role="alert">
            {e.message}
          </div>
        </div>
      );
    }
    throw e;
  }
  const { vendor, comparison, versions } = result;
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <p className="muted breadcrumb">
            <Link href="/vendors">Vendors</Link> / <Link href={`/vendors/${vendor.id}`}>{vendor.name}</Link> /{" "}
            <Link href={`/vendors/${vendor.id}/assessments`}>Assessments</Link> /
          </p>
          <h1>
            {vendor.name}: what changed from version {comparison.from.version} to version {comparison.to.version}
          </h1>
        </div>
      </header>
      <CompareVersionsForm versions={versions} from={comparison.from.id} to={comparison.to.id} idPrefix="cmp" label="Choose versions">
        <Link className="btn" href={`/assessments/${comparison.from.id}`}>
          Open version {comparison.from.version}
        </Link>
        <Link className="btn" href={`/assessments/${comparison.to.id}`}>
          Open version {comparison.to.version}
        </Link>
      </CompareVersionsForm>
      <ComparisonView comparison={comparison} />
    </div>
  );
}

function ChooseVersions() {
  return (
    <div className="stack">
      <h1>Compare assessments</h1>
      <div className="card empty" data-testid="compare-empty">
        <p>Pick two versions of a vendor&apos;s assessment to see what changed between them.</p>
        <p>
          Open a vendor from the <Link href="/vendors">vendor list</Link>, go to its Assessments tab and choose
          &ldquo;Compare&rdquo; on the versions you want.
        </p>
      </div>
    </div>
  );
}
