// swift-format-ignore-file
// GENERATED FILE: do not edit. Regenerate with
//   UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests
// from the files in PriceTables/. A test fails when the two drift.

extension EmbeddedPriceTables {
  /// Part 1 of 2 of `PriceTables/peering-locations.json`.
  static let peeringLocationsPart1 = ##"""
{
  "schemaVersion": 1,
  "source": {"id": "er-locations-2026-04", "title": "Locations and connectivity providers for Azure ExpressRoute: pee\##
ring-location tables (MicrosoftDocs/azure-docs@0034968231599d97f4958cbb4ed673ea9feb4c3c, articles/expressroute/expres\##
sroute-locations-providers.md, ms.date 04/28/2026)", "url": "https://github.com/MicrosoftDocs/azure-docs/blob/0034968\##
231599d97f4958cbb4ed673ea9feb4c3c/articles/expressroute/expressroute-locations-providers.md", "date": "2026-04-28"},
  "sources": [
    {"id": "er-geopolitical", "title": "ExpressRoute include: Azure regions to ExpressRoute locations within a geopol\##
itical region (MicrosoftDocs/azure-docs@0440832a4d77448b804e78e293b44f689a6a1073, includes/expressroute-azure-regions\##
-geopolitical-region.md, ms.date 04/05/2024)", "url": "https://github.com/MicrosoftDocs/azure-docs/blob/0440832a4d774\##
48b804e78e293b44f689a6a1073/includes/expressroute-azure-regions-geopolitical-region.md", "date": "2024-04-05"},
    {"id": "er-metro", "title": "About ExpressRoute Metro (preview): Metro locations table (MicrosoftDocs/azure-docs@\##
06886ecd798dbc0eaea7606904d3f4054f6beba6, articles/expressroute/metro.md, ms.date 06/03/2024)", "url": "https://githu\##
b.com/MicrosoftDocs/azure-docs/blob/06886ecd798dbc0eaea7606904d3f4054f6beba6/articles/expressroute/metro.md", "date":\##
 "2024-06-03"},
    {"id": "er-locations-2023", "title": "Locations and connectivity providers for Azure ExpressRoute, as of ms.date\##
 08/28/2023 (the table this catalogue replaced). No commit of MicrosoftDocs/azure-docs holding the 2023 version could\##
 be found with the tools available, so the URL is the live page, which now shows a later version (without Bogota): th\##
e Bogota row (Zone 4) cannot be re-read there", "url": "https://learn.microsoft.com/azure/expressroute/expressroute-l\##
ocations-providers", "date": "2023-08-28"},
    {"id": "er-direct-cli", "title": "Configure ExpressRoute Direct by using the Azure CLI: example output of az netw\##
ork express-route port location list (MicrosoftDocs/azure-docs@00ae202d3387da443c7ff4ac508408876ac2d8c1, articles/exp\##
ressroute/expressroute-howto-expressroute-direct-cli.md, ms.date 05/20/2019)", "url": "https://github.com/MicrosoftDo\##
cs/azure-docs/blob/00ae202d3387da443c7ff4ac508408876ac2d8c1/articles/expressroute/expressroute-howto-expressroute-dir\##
ect-cli.md", "date": "2019-05-20"},
    {"id": "gcp-cci-azure", "title": "Google Cloud, Cross-Cloud Interconnect for Azure: Choose your locations (each f\##
acility's Azure port-location name, as Azure spells it)", "url": "https://docs.cloud.google.com/network-connectivity/\##
docs/interconnect/how-to/cci/azure/choose-locations", "date": "2026-04-02"},
    {"id": "azurerm-acctest", "title": "Terraform azurerm provider acceptance tests: peering_location of azurerm_expr\##
ess_route_port, created in Azure (hashicorp/terraform-provider-azurerm@024e03c46f1d495542571562c250c7d4bcabad03, inte\##
rnal/services/network/express_route_port_resource_test.go)", "url": "https://github.com/hashicorp/terraform-provider-\##
azurerm/blob/024e03c46f1d495542571562c250c7d4bcabad03/internal/services/network/express_route_port_resource_test.go",\##
 "date": null, "undatedReason": "a Go test file states no date; the commit 024e03c4 pins the text read"}
  ],
  "notes": "Every commercial, US Government and China row of the page of 04/28/2026 (source), with its Address (facil\##
ity) and ER Direct column. Zones and local regions are the page's; geopolitical regions are the include's (er-geopoli\##
tical, 04/05/2024), and where the include names neither the location nor its local region the placement says 'inferre\##
d'. US Government locations carry the suffix ' (US Gov)' and bill in US Gov Zone 1 (the page gives them no zone colum\##
n). China locations (operated by 21Vianet, priced in CNY on a separate price list) are in zone 'China', which has no\##
 rates: every charge there is listed as not priced. Bogota is not on the page any more: it is kept, marked retired, f\##
rom the 2023 page. The three Metro locations come from the Metro page (er-metro). portLocations: ExpressRoute Direct\##
 port-location names (as az network express-route port location list returns them), each mapped to the peering locati\##
on whose Address names the same facility. A name with a 'source' was seen in that document; a name marked 'derived' f\##
ollows the pattern Provider-City-Facility from the page's Address column and was not seen in any output (Azure may sp\##
ell it otherwise). No derived name is kept for a facility whose port-location name was seen in a source (Equinix-San-\##
Jose-SV1, not Equinix-Silicon-Valley-SV1). A port location not listed is not priced; add your own in a copy of this f\##
ile (PriceTables/README.md says how to use it).",
  "geopoliticalRegions": [
    {"name": "Australia Government", "azureRegions": ["Australia Central", "Australia Central 2"]},
    {"name": "Europe", "azureRegions": ["France Central", "France South", "Germany North", "Germany West Central", "I\##
taly North", "North Europe", "Norway East", "Norway West", "Poland Central", "Sweden Central", "Switzerland North", "\##
Switzerland West", "UK West", "UK South", "West Europe"], "inferredAzureRegions": ["Spain Central"], "inference": "in\##
ferred: the include (04/05/2024) lists Madrid and Madrid2 in Europe but not Spain Central, their local region on the\##
 page of 04/28/2026"},
    {"name": "North America", "azureRegions": ["East US", "West US", "East US 2", "West US 2", "West US 3", "Central\##
 US", "South Central US", "North Central US", "West Central US", "Canada Central", "Canada East"], "inferredAzureRegi\##
ons": ["Mexico Central"], "inference": "inferred: the include (04/05/2024) lists Queretaro(Mexico) in North America b\##
ut not Mexico Central, its local region on the page of 04/28/2026"},
    {"name": "Asia", "azureRegions": ["East Asia", "Southeast Asia"], "inferredAzureRegions": ["Indonesia Central", "\##
Malaysia West", "Taiwan North"], "inference": "inferred: the include (04/05/2024) lists Jakarta, Kuala Lumpur and Tai\##
pei in Asia but not their local regions on the page of 04/28/2026 (Indonesia Central, Malaysia West, Taiwan North)"},
    {"name": "India", "azureRegions": ["West India", "Central India", "South India"]},
    {"name": "Israel", "azureRegions": ["Israel Central"]},
    {"name": "Japan", "azureRegions": ["Japan West", "Japan East"]},
    {"name": "Oceania", "azureRegions": ["Australia East", "Australia Southeast"], "inferredAzureRegions": ["New Zeal\##
and North"], "inference": "inferred: the include (04/05/2024) lists Auckland in Oceania but not New Zealand North, Au\##
ckland's local region on the page of 04/28/2026"},
    {"name": "South Korea", "azureRegions": ["Korea Central", "Korea South"]},
    {"name": "UAE", "azureRegions": ["UAE Central", "UAE North"]},
    {"name": "South Africa", "azureRegions": ["South Africa West", "South Africa North"]},
    {"name": "South America", "azureRegions": ["Brazil South"], "inferredAzureRegions": ["Brazil Southeast"], "infere\##
nce": "inferred: the include (04/05/2024) lists Rio de Janeiro in South America but not Brazil Southeast, its local r\##
egion on the page"},
    {"name": "Qatar", "azureRegions": ["Qatar Central"]},
    {"name": "US Government", "azureRegions": ["US Gov Arizona", "US Gov Iowa", "US Gov Texas", "US Gov Virginia", "U\##
S DoD Central", "US DoD East"]},
    {"name": "China North", "azureRegions": ["China North", "China North2", "China North3"]},
    {"name": "China East", "azureRegions": ["China East", "China East2"]}
  ],
  "locations": [
    {"name": "Abu Dhabi", "zone": "Zone 3", "localRegions": ["UAE Central"], "geopoliticalRegion": "UAE", "address":\##
 "Etisalat KDC", "erDirect": true},
    {"name": "Amsterdam", "zone": "Zone 1", "localRegions": ["West Europe"], "geopoliticalRegion": "Europe", "address\##
": "Equinix AM5", "erDirect": true},
    {"name": "Amsterdam2", "zone": "Zone 1", "localRegions": ["West Europe"], "geopoliticalRegion": "Europe", "addres\##
s": "Digital Realty(Interxion) AMS8", "erDirect": true},
    {"name": "Atlanta", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Equi\##
nix AT1", "erDirect": true},
    {"name": "Atlanta2", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "geopoliticalRe\##
gionInferred": "inferred: Atlanta is in North America on the include", "address": "Digital Realty ATL14", "erDirect":\##
 true},
    {"name": "Auckland", "zone": "Zone 2", "localRegions": ["New Zealand North"], "geopoliticalRegion": "Oceania", "a\##
ddress": "Vocus Group NZ Albany", "erDirect": true},
    {"name": "Bangkok", "zone": "Zone 2", "localRegions": [], "geopoliticalRegion": "Asia", "address": "AIS", "erDire\##
ct": true},
    {"name": "Berlin", "zone": "Zone 1", "localRegions": ["Germany North"], "geopoliticalRegion": "Europe", "address"\##
: "NTT GDC", "erDirect": true},
    {"name": "Bogota", "zone": "Zone 4", "localRegions": [], "geopoliticalRegion": "South America", "geopoliticalRegi\##
onInferred": "inferred: Colombia; the include names no Bogota location", "source": "er-locations-2023", "retired": "n\##
ot listed on the page of 04/28/2026; kept from the 08/28/2023 page (Zone 4) so estates built there still price. ER Di\##
rect availability is not known"},
    {"name": "Brussels", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "geopoliticalRegionInf\##
erred": "inferred: Belgium; the include names no Brussels location", "address": "Digital Realty BRU4", "erDirect": tr\##
ue},
    {"name": "Brussels2", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "geopoliticalRegionIn\##
ferred": "inferred: Belgium; the include names no Brussels location", "address": "LCL Brussels-North", "erDirect": tr\##
ue},
    {"name": "Busan", "zone": "Zone 2", "localRegions": ["Korea South"], "geopoliticalRegion": "South Korea", "addres\##
s": "LG CNS", "erDirect": false},
    {"name": "Campinas", "zone": "Zone 3", "localRegions": ["Brazil South"], "geopoliticalRegion": "South America", "\##
address": "Ascenty", "erDirect": true},
    {"name": "Canberra", "zone": "Zone 1", "localRegions": ["Australia Central"], "geopoliticalRegion": "Australia Go\##
vernment", "address": "CDC", "erDirect": true},
    {"name": "Canberra2", "zone": "Zone 1", "localRegions": ["Australia Central 2"], "geopoliticalRegion": "Australia\##
 Government", "address": "CDC", "erDirect": true},
    {"name": "Cape Town", "zone": "Zone 3", "localRegions": ["South Africa West"], "geopoliticalRegion": "South Afric\##
a", "address": "Teraco CT1", "erDirect": true},
    {"name": "Chennai", "zone": "Zone 2", "localRegions": ["South India"], "geopoliticalRegion": "India", "address":\##
 "Tata Communications", "erDirect": true},
    {"name": "Chennai2", "zone": "Zone 2", "localRegions": ["South India"], "geopoliticalRegion": "India", "address":\##
 "Airtel", "erDirect": true},
    {"name": "Chicago", "zone": "Zone 1", "localRegions": ["North Central US"], "geopoliticalRegion": "North America"\##
, "address": "Equinix CH1", "erDirect": true},
    {"name": "Chicago2", "zone": "Zone 1", "localRegions": ["North Central US"], "geopoliticalRegion": "North America\##
", "address": "CoreSite CH1", "erDirect": true},
    {"name": "Copenhagen", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "address": "Digital\##
 Realty(Interxion) CPH1", "erDirect": true},
    {"name": "Dallas", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Equin\##
ix DA3; Equinix DA6", "erDirect": true},
    {"name": "Dallas2", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "geopoliticalReg\##
ionInferred": "inferred: Dallas is in North America on the include", "address": "Digital Realty DFW10", "erDirect": t\##
rue},
    {"name": "Denver", "zone": "Zone 1", "localRegions": ["West Central US"], "geopoliticalRegion": "North America",\##
 "address": "CoreSite DE1", "erDirect": true},
    {"name": "Doha", "zone": "Zone 3", "localRegions": ["Qatar Central"], "geopoliticalRegion": "Qatar", "address": "\##
MEEZA MV2", "erDirect": true},
    {"name": "Doha2", "zone": "Zone 3", "localRegions": ["Qatar Central"], "geopoliticalRegion": "Qatar", "address":\##
 "Ooredoo", "erDirect": true},
    {"name": "Dubai", "zone": "Zone 3", "localRegions": ["UAE North"], "geopoliticalRegion": "UAE", "address": "PCCS"\##
, "erDirect": true},
    {"name": "Dubai2", "zone": "Zone 3", "localRegions": ["UAE North"], "geopoliticalRegion": "UAE", "address": "du d\##
atamena", "erDirect": false},
    {"name": "Dublin", "zone": "Zone 1", "localRegions": ["North Europe"], "geopoliticalRegion": "Europe", "address":\##
 "Equinix DB3", "erDirect": true},
    {"name": "Dublin2", "zone": "Zone 1", "localRegions": ["North Europe"], "geopoliticalRegion": "Europe", "address"\##
: "Digital Realty(Interxion) DUB2", "erDirect": true},
    {"name": "Frankfurt", "zone": "Zone 1", "localRegions": ["Germany West Central"], "geopoliticalRegion": "Europe",\##
 "address": "Digital Realty(Interxion) FRA11", "erDirect": true},
    {"name": "Frankfurt2", "zone": "Zone 1", "localRegions": ["Germany West Central"], "geopoliticalRegion": "Europe"\##
, "address": "Equinix FR7", "erDirect": true},
    {"name": "Geneva", "zone": "Zone 1", "localRegions": ["Switzerland West"], "geopoliticalRegion": "Europe", "addre\##
ss": "Equinix GV2", "erDirect": true},
    {"name": "Hong Kong", "zone": "Zone 2", "localRegions": ["East Asia"], "geopoliticalRegion": "Asia", "address": "\##
Equinix HK1", "erDirect": true},
    {"name": "Hong Kong2", "zone": "Zone 2", "localRegions": ["East Asia"], "geopoliticalRegion": "Asia", "address":\##
 "iAdvantage MEGA-i", "erDirect": true},
    {"name": "Jakarta", "zone": "Zone 2", "localRegions": ["Indonesia Central"], "geopoliticalRegion": "Asia", "addre\##
ss": "NeutraDC HDC", "erDirect": true},
    {"name": "Jakarta2", "zone": "Zone 2", "localRegions": ["Indonesia Central"], "geopoliticalRegion": "Asia", "geop\##
oliticalRegionInferred": "inferred: Jakarta is in Asia on the include", "address": "NTT Global Data Center Indonesia"\##
, "erDirect": true},
    {"name": "Johannesburg", "zone": "Zone 3", "localRegions": ["South Africa North"], "geopoliticalRegion": "South A\##
frica", "address": "Teraco JB1", "erDirect": true},
    {"name": "Kuala Lumpur", "zone": "Zone 2", "localRegions": ["Malaysia West"], "geopoliticalRegion": "Asia", "addr\##
ess": "TIME dotCom Menara AIMS", "erDirect": true},
    {"name": "Kuala Lumpur2", "zone": "Zone 2", "localRegions": ["Malaysia West"], "geopoliticalRegion": "Asia", "geo\##
politicalRegionInferred": "inferred: Kuala Lumpur is in Asia on the include", "address": "Telekom Malaysia Bhd", "erD\##
irect": true},
    {"name": "Las Vegas", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Sw\##
itch LV", "erDirect": true},
    {"name": "London", "zone": "Zone 1", "localRegions": ["UK South"], "geopoliticalRegion": "Europe", "address": "Eq\##
uinix LD5", "erDirect": true},
    {"name": "London2", "zone": "Zone 1", "localRegions": ["UK South"], "geopoliticalRegion": "Europe", "address": "T\##
elehouse North Two", "erDirect": true},
    {"name": "Los Angeles", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "\##
CoreSite LA1", "erDirect": true},
    {"name": "Los Angeles2", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address":\##
 "Equinix LA1", "erDirect": true},
    {"name": "Madrid", "zone": "Zone 1", "localRegions": ["Spain Central"], "geopoliticalRegion": "Europe", "address"\##
: "Digital Realty(Interxion) MAD1", "erDirect": true},
    {"name": "Madrid2", "zone": "Zone 1", "localRegions": ["Spain Central"], "geopoliticalRegion": "Europe", "address\##
": "Equinix MD2", "erDirect": true},
    {"name": "Marseille", "zone": "Zone 1", "localRegions": ["France South"], "geopoliticalRegion": "Europe", "addres\##
s": "Digital Realty(Interxion) MRS1", "erDirect": false},
    {"name": "Melbourne", "zone": "Zone 2", "localRegions": ["Australia Southeast"], "geopoliticalRegion": "Oceania",\##
 "address": "NextDC M1", "erDirect": true},
    {"name": "Melbourne2", "zone": "Zone 2", "localRegions": ["Australia Southeast"], "geopoliticalRegion": "Oceania"\##
, "geopoliticalRegionInferred": "inferred: Melbourne is in Oceania on the include, and its local region Australia Sou\##
theast is in Oceania", "address": "Equinix M1", "erDirect": true},
    {"name": "Miami", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Equini\##
x MI1", "erDirect": true},
    {"name": "Milan", "zone": "Zone 1", "localRegions": ["Italy North"], "geopoliticalRegion": "Europe", "address": "\##
IRIDEOS", "erDirect": true},
    {"name": "Milan2", "zone": "Zone 1", "localRegions": ["Italy North"], "geopoliticalRegion": "Europe", "address":\##
 "DATA4", "erDirect": true},
    {"name": "Minneapolis", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "\##
Cologix MIN1 and Cologix MIN3", "erDirect": true},
    {"name": "Montreal", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Col\##
ogix MTL3; Cologix MTL7", "erDirect": true},
    {"name": "Mumbai", "zone": "Zone 2", "localRegions": ["West India"], "geopoliticalRegion": "India", "address": "T\##
ata Communications", "erDirect": true},
    {"name": "Mumbai2", "zone": "Zone 2", "localRegions": ["West India"], "geopoliticalRegion": "India", "address": "\##
Airtel", "erDirect": true},
    {"name": "Munich", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "address": "EdgeConneX",\##
 "erDirect": true},
    {"name": "New York", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Equ\##
inix NY5", "erDirect": true},
    {"name": "Newport (Wales)", "zone": "Zone 1", "localRegions": ["UK West"], "geopoliticalRegion": "Europe", "addre\##
ss": "Next Generation Data", "erDirect": true},
    {"name": "Osaka", "zone": "Zone 2", "localRegions": ["Japan West"], "geopoliticalRegion": "Japan", "address": "Eq\##
uinix OS1", "erDirect": true},
    {"name": "Oslo", "zone": "Zone 1", "localRegions": ["Norway East"], "geopoliticalRegion": "Europe", "address": "D\##
igiPlex Ulven", "erDirect": true},
    {"name": "Paris", "zone": "Zone 1", "localRegions": ["France Central"], "geopoliticalRegion": "Europe", "address"\##
: "Digital Realty(Interxion) PAR5", "erDirect": true},
    {"name": "Paris2", "zone": "Zone 1", "localRegions": ["France Central"], "geopoliticalRegion": "Europe", "address\##
": "Equinix", "erDirect": true},
    {"name": "Perth", "zone": "Zone 2", "localRegions": [], "geopoliticalRegion": "Oceania", "address": "NextDC P1",\##
 "erDirect": true},
    {"name": "Phoenix", "zone": "Zone 1", "localRegions": ["West US 3"], "geopoliticalRegion": "North America", "addr\##
ess": "EdgeConneX PHX01", "erDirect": true},
    {"name": "Phoenix2", "zone": "Zone 1", "localRegions": ["West US 3"], "geopoliticalRegion": "North America", "geo\##
politicalRegionInferred": "inferred: Phoenix is in North America on the include, and its local region West US 3 is in\##
 North America", "address": "PhoenixNAP", "erDirect": true},
    {"name": "Portland", "zone": "Zone 1", "localRegions": ["West US 2"], "geopoliticalRegion": "North America", "geo\##
politicalRegionInferred": "inferred: the include names no Portland location; its local region West US 2 is in North A\##
merica", "address": "EdgeConnex POR01", "erDirect": true},
    {"name": "Pune", "zone": "Zone 2", "localRegions": ["Central India"], "geopoliticalRegion": "India", "address": "\##
STT GDC Pune DC1", "erDirect": true},
    {"name": "Quebec City", "zone": "Zone 1", "localRegions": ["Canada East"], "geopoliticalRegion": "North America",\##
 "address": "Vantage", "erDirect": true},
    {"name": "Queretaro (Mexico)", "zone": "Zone 4", "localRegions": ["Mexico Central"], "geopoliticalRegion": "North\##
 America", "address": "KIO Networks QR01", "erDirect": true, "aliases": ["Queretaro"]},
    {"name": "Quincy", "zone": "Zone 1", "localRegions": ["West US 2"], "geopoliticalRegion": "North America", "addre\##
ss": "Sabey Datacenter - Building A", "erDirect": true},
    {"name": "Rio de Janeiro", "zone": "Zone 3", "localRegions": ["Brazil Southeast"], "geopoliticalRegion": "South A\##
merica", "address": "Equinix-RJ2", "erDirect": true},
    {"name": "San Antonio", "zone": "Zone 1", "localRegions": ["South Central US"], "geopoliticalRegion": "North Amer\##
ica", "address": "CyrusOne SA1", "erDirect": true},
    {"name": "Santiago", "zone": "Zone 3", "localRegions": [], "geopoliticalRegion": "South America", "address": "Edg\##
eConnex SCL", "erDirect": true},
    {"name": "Sao Paulo", "zone": "Zone 3", "localRegions": ["Brazil South"], "geopoliticalRegion": "South America",\##
 "address": "Equinix SP2", "erDirect": true},
    {"name": "Sao Paulo2", "zone": "Zone 3", "localRegions": ["Brazil South"], "geopoliticalRegion": "South America",\##
 "address": "TIVIT TSM", "erDirect": true},
    {"name": "Seattle", "zone": "Zone 1", "localRegions": ["West US 2"], "geopoliticalRegion": "North America", "addr\##
ess": "Equinix SE2", "erDirect": true},
    {"name": "Seoul", "zone": "Zone 2", "localRegions": ["Korea Central"], "geopoliticalRegion": "South Korea", "addr\##
ess": "KINX Gasan IDC", "erDirect": true},
    {"name": "Seoul2", "zone": "Zone 2", "localRegions": ["Korea Central"], "geopoliticalRegion": "South Korea", "add\##
ress": "KT IDC", "erDirect": false},
    {"name": "Silicon Valley", "zone": "Zone 1", "localRegions": ["West US"], "geopoliticalRegion": "North America",\##
 "address": "Equinix SV1", "erDirect": true},
    {"name": "Silicon Valley2", "zone": "Zone 1", "localRegions": ["West US"], "geopoliticalRegion": "North America",\##
 "address": "Coresite SV7", "erDirect": true},
    {"name": "Singapore", "zone": "Zone 2", "localRegions": ["Southeast Asia"], "geopoliticalRegion": "Asia", "addres\##
s": "Equinix SG1", "erDirect": true},
    {"name": "Singapore2", "zone": "Zone 2", "localRegions": ["Southeast Asia"], "geopoliticalRegion": "Asia", "addre\##
ss": "Global Switch Tai Seng", "erDirect": true},
    {"name": "Stavanger", "zone": "Zone 1", "localRegions": ["Norway West"], "geopoliticalRegion": "Europe", "address\##
": "Green Mountain DC1", "erDirect": true},
    {"name": "Stockholm", "zone": "Zone 1", "localRegions": ["Sweden Central"], "geopoliticalRegion": "Europe", "addr\##
ess": "Equinix SK1", "erDirect": true},
    {"name": "Stockholm2", "zone": "Zone 1", "localRegions": ["Sweden Central"], "geopoliticalRegion": "Europe", "geo\##
politicalRegionInferred": "inferred: Stockholm is in Europe on the include, and its local region Sweden Central is in\##
 Europe", "address": "Digital Realty STO6", "erDirect": true},
    {"name": "Sydney", "zone": "Zone 2", "localRegions": ["Australia East"], "geopoliticalRegion": "Oceania", "addres\##
s": "Equinix SY2", "erDirect": true},
    {"name": "Sydney2", "zone": "Zone 2", "localRegions": ["Australia East"], "geopoliticalRegion": "Oceania", "addre\##
ss": "NextDC S1", "erDirect": true},
    {"name": "Taipei", "zone": "Zone 2", "localRegions": ["Taiwan North"], "geopoliticalRegion": "Asia", "address": "\##
Chief Telecom", "erDirect": true},
    {"name": "Taipei2", "zone": "Zone 2", "localRegions": ["Taiwan North"], "geopoliticalRegion": "Asia", "geopolitic\##
alRegionInferred": "inferred: Taipei is in Asia on the include", "address": "Chunghwa Telecom", "erDirect": true},
    {"name": "Tel Aviv", "zone": "Zone 2", "localRegions": ["Israel Central"], "geopoliticalRegion": "Israel", "addre\##
ss": "Bezeq International", "erDirect": true},
    {"name": "Tel Aviv2", "zone": "Zone 2", "localRegions": ["Israel Central"], "geopoliticalRegion": "Israel", "addr\##
ess": "SDS", "erDirect": true},
    {"name": "Tokyo", "zone": "Zone 2", "localRegions": ["Japan East"], "geopoliticalRegion": "Japan", "address": "Eq\##
uinix TY4", "erDirect": true},
    {"name": "Tokyo2", "zone": "Zone 2", "localRegions": ["Japan East"], "geopoliticalRegion": "Japan", "address": "A\##
T TOKYO", "erDirect": true},
    {"name": "Tokyo3", "zone": "Zone 2", "localRegions": ["Japan East"], "geopoliticalRegion": "Japan", "address": "N\##
EC", "erDirect": true},
    {"name": "Toronto", "zone": "Zone 1", "localRegions": ["Canada Central"], "geopoliticalRegion": "North America",\##
 "address": "Cologix TOR1", "erDirect": true},
    {"name": "Toronto2", "zone": "Zone 1", "localRegions": ["Canada Central"], "geopoliticalRegion": "North America",\##
 "address": "Allied REIT", "erDirect": true},
    {"name": "Vancouver", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "North America", "address": "Co\##
logix VAN1", "erDirect": true},
    {"name": "Vienna", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "geopoliticalRegionInfer\##
red": "inferred: Austria; the include names no Vienna location", "address": "Digital Realty VIE1", "erDirect": true},
    {"name": "Vienna2", "zone": "Zone 1", "localRegions": [], "geopoliticalRegion": "Europe", "geopoliticalRegionInfe\##
rred": "inferred: Austria; the include names no Vienna location", "address": "NTT Data VIE1", "erDirect": true},
    {"name": "Warsaw", "zone": "Zone 1", "localRegions": ["Poland Central"], "geopoliticalRegion": "Europe", "address\##
": "Equinix WA1", "erDirect": true},
    {"name": "Washington DC", "zone": "Zone 1", "localRegions": ["East US", "East US 2"], "geopoliticalRegion": "Nort\##
h America", "address": "Equinix DC2; Equinix DC6", "erDirect": true},
    {"name": "Washington DC2", "zone": "Zone 1", "localRegions": ["East US", "East US 2"], "geopoliticalRegion": "Nor\##
th America", "address": "Coresite VA2", "erDirect": false, "note": "The page shows no ER Direct here; Google's Cross-\##
Cloud Interconnect location list (2026-04-02) names an Azure port location CoreSite-Reston-VA2 at this facility. The\##
 page wins: Direct is refused here."},
    {"name": "Zurich", "zone": "Zone 1", "localRegions": ["Switzerland North"], "geopoliticalRegion": "Europe", "addr\##
ess": "Digital Realty(Interxion) ZUR2", "erDirect": true},
    {"name": "Zurich2", "zone": "Zone 1", "localRegions": ["Switzerland North"], "geopoliticalRegion": "Europe", "add\##
ress": "Equinix ZH5", "erDirect": true},
    {"name": "Amsterdam Metro", "zone": "Zone 1", "localRegions": ["West Europe"], "geopoliticalRegion": "Europe", "a\##
ddress": "Equinix AM5; Digital Realty AMS8", "erDirect": true, "source": "er-metro", "note": "ExpressRoute Metro (pre\##
view): Amsterdam and Amsterdam2 as one circuit"},
    {"name": "Singapore Metro", "zone": "Zone 2", "localRegions": ["Southeast Asia"], "geopoliticalRegion": "Asia", "\##
address": "Equinix SG1; Global Switch Tai Seng", "erDirect": true, "source": "er-metro", "note": "ExpressRoute Metro\##
 (preview): Singapore and Singapore2 as one circuit"},
    {"name": "Zurich Metro", "zone": "Zone 1", "localRegions": ["Switzerland North"], "geopoliticalRegion": "Europe",\##
 "address": "Digital Realty ZUR2; Equinix ZH5", "erDirect": true, "source": "er-metro", "note": "ExpressRoute Metro (\##
preview): Zurich and Zurich2 as one circuit"},
    {"name": "Atlanta (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Government",\##
 "address": "Equinix AT1", "erDirect": true},
    {"name": "Chicago (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Government",\##
 "address": "Equinix CH1", "erDirect": true},
    {"name": "Dallas (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Government", "\##
address": "Equinix DA3", "erDirect": true},
    {"name": "New York (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Government",\##
 "address": "Equinix NY5", "erDirect": true},
    {"name": "Phoenix (US Gov)", "zone": "US Gov Zone 1", "localRegions": ["US Gov Arizona"], "geopoliticalRegion": "\##
US Government", "address": "CyrusOne Chandler", "erDirect": true},
    {"name": "San Antonio (US Gov)", "zone": "US Gov Zone 1", "localRegions": ["US Gov Texas"], "geopoliticalRegion":\##
 "US Government", "address": "CyrusOne SA2", "erDirect": true},
    {"name": "Silicon Valley (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Govern\##
ment", "address": "Equinix SV4", "erDirect": true},
    {"name": "Seattle (US Gov)", "zone": "US Gov Zone 1", "localRegions": [], "geopoliticalRegion": "US Government",\##
 "address": "Equinix SE2", "erDirect": true},
    {"name": "Washington DC (US Gov)", "zone": "US Gov Zone 1", "localRegions": ["US DoD East", "US Gov Virginia"], "\##
geopoliticalRegion": "US Government", "address": "Equinix DC2", "erDirect": true},
    {"name": "Beijing", "zone": "China", "localRegions": [], "geopoliticalRegion": "China North", "address": "China T\##
elecom", "erDirect": true},
    {"name": "Beijing2", "zone": "China", "localRegions": [], "geopoliticalRegion": "China North", "address": "GDS",\##
 "erDirect": true},
    {"name": "Shanghai", "zone": "China", "localRegions": [], "geopoliticalRegion": "China East", "address": "China T\##
elecom", "erDirect": true},
    {"name": "Shanghai2", "zone": "China", "localRegions": [], "geopoliticalRegion": "China East", "address": "GDS",\##
 "erDirect": true}
  ],
  "portLocations": [
    {"name": "Airtel-Chennai2-CLS", "peeringLocation": "Chennai2", "facility": "Airtel", "source": "azurerm-acctest",\##
 "note": "the page's Address is the provider only (Airtel); Chennai2 is the only Airtel address with ER Direct in Che\##
nnai"},
    {"name": "Cologix-Montreal-MTL3", "peeringLocation": "Montreal", "facility": "Cologix MTL3", "source": "gcp-cci-a\##
zure"},
    {"name": "Cologix-Toronto-TOR1", "peeringLocation": "Toronto", "facility": "Cologix TOR1", "source": "gcp-cci-azu\##
re"},
    {"name": "CoreSite-Reston-VA2", "peeringLocation": "Washington DC2", "facility": "Coresite VA2", "source": "gcp-c\##
ci-azure", "note": "the page shows no ER Direct at Washington DC2: a port pair here is refused"},
    {"name": "CoreSite-Santa-Clara-SV7", "peeringLocation": "Silicon Valley2", "facility": "Coresite SV7", "source":\##
 "gcp-cci-azure"},
    {"name": "CyrusOne-San-Antonio-1", "peeringLocation": "San Antonio", "facility": "CyrusOne SA1", "source": "gcp-c\##
ci-azure", "note": "Google's name has no facility code; CyrusOne SA1 is San Antonio's address on the page"},
    {"name": "EdgeConneX-Portland-POR01", "peeringLocation": "Portland", "facility": "EdgeConnex POR01", "source": "g\##
cp-cci-azure"},
    {"name": "Equinix-Amsterdam-AM5", "peeringLocation": "Amsterdam", "facility": "Equinix AM5", "source": "gcp-cci-a\##
zure"},
    {"name": "Equinix-Ashburn-DC2", "peeringLocation": "Washington DC", "facility": "Equinix DC2", "source": "er-dire\##
ct-cli"},
    {"name": "Equinix-Ashburn-DC6", "peeringLocation": "Washington DC", "facility": "Equinix DC6", "source": "gcp-cci\##
-azure"},
    {"name": "Equinix-Chicago-CH1", "peeringLocation": "Chicago", "facility": "Equinix CH1", "source": "gcp-cci-azure"},
    {"name": "Equinix-Dallas-DA3", "peeringLocation": "Dallas", "facility": "Equinix DA3", "source": "er-direct-cli"},
    {"name": "Equinix-Frankfurt-FR7", "peeringLocation": "Frankfurt2", "facility": "Equinix FR7", "source": "gcp-cci-\##
azure"},
    {"name": "Equinix-Hong-Kong-HK1", "peeringLocation": "Hong Kong", "facility": "Equinix HK1", "source": "gcp-cci-a\##
zure"},
    {"name": "Equinix-London-LD5", "peeringLocation": "London", "facility": "Equinix LD5", "source": "gcp-cci-azure"},
    {"name": "Equinix-New-York-NY5", "peeringLocation": "New York", "facility": "Equinix NY5", "source": "er-direct-c\##
li"},
    {"name": "Equinix-Osaka-OS1", "peeringLocation": "Osaka", "facility": "Equinix OS1", "source": "gcp-cci-azure"},
    {"name": "Equinix-San-Jose-SV1", "peeringLocation": "Silicon Valley", "facility": "Equinix SV1", "source": "er-di\##
rect-cli"},
    {"name": "Equinix-Seattle-SE2", "peeringLocation": "Seattle", "facility": "Equinix SE2", "source": "er-direct-cli"},
    {"name": "Equinix-Singapore-SG1", "peeringLocation": "Singapore", "facility": "Equinix SG1", "source": "gcp-cci-a\##
zure"},
    {"name": "Equinix-Sydney-SY2", "peeringLocation": "Sydney", "facility": "Equinix SY2", "source": "gcp-cci-azure"},
    {"name": "Equinix-Tokyo-TY4", "peeringLocation": "Tokyo", "facility": "Equinix TY4", "source": "gcp-cci-azure"},
    {"name": "Global-Switch-Singapore", "peeringLocation": "Singapore2", "facility": "Global Switch Tai Seng", "sourc\##
e": "gcp-cci-azure", "note": "no facility code in either name: Global Switch is Singapore2's address on the page"},
    {"name": "Interxion-Frankfurt-FRA11", "peeringLocation": "Frankfurt", "facility": "Digital Realty(Interxion) FRA1\##
1", "source": "gcp-cci-azure"},
    {"name": "Interxion-Paris-PAR5", "peeringLocation": "Paris", "facility": "Digital Realty(Interxion) PAR5", "sourc\##
e": "gcp-cci-azure"},
    {"name": "Interxion-Zurich-ZUR2", "peeringLocation": "Zurich", "facility": "Digital Realty(Interxion) ZUR2", "sou\##
rce": "gcp-cci-azure"},
    {"name": "KINX-Seoul-Gasan", "peeringLocation": "Seoul", "facility": "KINX Gasan IDC", "source": "gcp-cci-azure",\##
 "note": "no facility code: KINX Gasan IDC is Seoul's address on the page"},
    {"name": "NextDC-Sydney-S1", "peeringLocation": "Sydney2", "facility": "NextDC S1", "source": "gcp-cci-azure"},
    {"name": "Switch-Las-Vegas", "peeringLocation": "Las Vegas", "facility": "Switch LV", "source": "gcp-cci-azure",\##
 "note": "no facility code: Switch LV is Las Vegas's address on the page"},
    {"name": "Tata-Mumbai-LVSB", "peeringLocation": "Mumbai", "facility": "Tata Communications", "source": "gcp-cci-a\##
zure", "note": "the page's Address is the provider only (Tata Communications); the facility code LVSB is Google's"},
    {"name": "Cologix-Minneapolis-MIN1", "peeringLocation": "Minneapolis", "facility": "Cologix MIN1", "derived": "Pr\##
ovider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Cologix-Minneapolis-MIN3", "peeringLocation": "Minneapolis", "facility": "Cologix MIN3", "derived": "Pr\##
ovider-City-Facility from the page's Address column; not seen in Azure's output"},

"""##
}
