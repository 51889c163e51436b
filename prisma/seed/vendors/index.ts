// The demo vendors, in the order the seed creates them and the tests list them.
import type { VendorSpec } from "../demo-vendor-spec";
import { northwind } from "./northwind";
import { bluepeak } from "./bluepeak";
import { vistula } from "./vistula";
import { caricare } from "./caricare";
import { lagosDesk } from "./lagos-desk";
import { cebucare } from "./cebucare";
import { andesvoice } from "./andesvoice";
import { danubia } from "./danubia";
import { capeharbour } from "./capeharbour";
import { kyivremote } from "./kyivremote";
import { mtyOmni } from "./mty-omni";
import { penangBos } from "./penang-bos";
import { tagus } from "./tagus";
import { liffey } from "./liffey";
import { riftvalley } from "./riftvalley";
import { saigonOmni } from "./saigon-omni";
import { atlasRc } from "./atlas-rc";
import { nilegateway } from "./nilegateway";
import { cordillera } from "./cordillera";
import { bajio } from "./bajio";
import { carpathia } from "./carpathia";
import { warta } from "./warta";
import { selangorCx } from "./selangor-cx";
import { highveld } from "./highveld";
import { deccan } from "./deccan";
import { davaoSs } from "./davao-ss";
import { shannon } from "./shannon";
import { tangierMs } from "./tangier-ms";
import { mekongBo } from "./mekong-bo";

export const DEMO_VENDORS: readonly VendorSpec[] = [
  northwind,
  bluepeak,
  vistula,
  caricare,
  lagosDesk,
  cebucare,
  andesvoice,
  danubia,
  capeharbour,
  kyivremote,
  mtyOmni,
  penangBos,
  tagus,
  liffey,
  riftvalley,
  saigonOmni,
  atlasRc,
  nilegateway,
  cordillera,
  bajio,
  carpathia,
  warta,
  selangorCx,
  highveld,
  deccan,
  davaoSs,
  shannon,
  tangierMs,
  mekongBo,
];
