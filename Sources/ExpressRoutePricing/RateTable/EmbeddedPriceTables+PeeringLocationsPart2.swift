// swift-format-ignore-file
// GENERATED FILE: do not edit. Regenerate with
//   UPDATE_EMBEDDED_TABLES=1 swift test --filter EmbeddedPriceTablesTests
// from the files in PriceTables/. A test fails when the two drift.

extension EmbeddedPriceTables {
  /// Part 2 of 2 of `PriceTables/peering-locations.json`.
  static let peeringLocationsPart2 = ##"""
    {"name": "Cologix-Montreal-MTL7", "peeringLocation": "Montreal", "facility": "Cologix MTL7", "derived": "Provider\##
-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Cologix-Vancouver-VAN1", "peeringLocation": "Vancouver", "facility": "Cologix VAN1", "derived": "Provid\##
er-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "CoreSite-Chicago-CH1", "peeringLocation": "Chicago2", "facility": "CoreSite CH1", "derived": "Provider-\##
City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "CoreSite-Denver-DE1", "peeringLocation": "Denver", "facility": "CoreSite DE1", "derived": "Provider-Cit\##
y-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "CoreSite-Los-Angeles-LA1", "peeringLocation": "Los Angeles", "facility": "CoreSite LA1", "derived": "Pr\##
ovider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Digital-Realty-Atlanta-ATL14", "peeringLocation": "Atlanta2", "facility": "Digital Realty ATL14", "deri\##
ved": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Digital-Realty-Brussels-BRU4", "peeringLocation": "Brussels", "facility": "Digital Realty BRU4", "deriv\##
ed": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Digital-Realty-Dallas-DFW10", "peeringLocation": "Dallas2", "facility": "Digital Realty DFW10", "derive\##
d": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Digital-Realty-Stockholm-STO6", "peeringLocation": "Stockholm2", "facility": "Digital Realty STO6", "de\##
rived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Digital-Realty-Vienna-VIE1", "peeringLocation": "Vienna", "facility": "Digital Realty VIE1", "derived":\##
 "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "EdgeConneX-Phoenix-PHX01", "peeringLocation": "Phoenix", "facility": "EdgeConneX PHX01", "derived": "Pr\##
ovider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Atlanta-AT1", "peeringLocation": "Atlanta", "facility": "Equinix AT1", "derived": "Provider-Cit\##
y-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Dallas-DA6", "peeringLocation": "Dallas", "facility": "Equinix DA6", "derived": "Provider-City-\##
Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Dublin-DB3", "peeringLocation": "Dublin", "facility": "Equinix DB3", "derived": "Provider-City-\##
Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Geneva-GV2", "peeringLocation": "Geneva", "facility": "Equinix GV2", "derived": "Provider-City-\##
Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Los-Angeles-LA1", "peeringLocation": "Los Angeles2", "facility": "Equinix LA1", "derived": "Pro\##
vider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Madrid-MD2", "peeringLocation": "Madrid2", "facility": "Equinix MD2", "derived": "Provider-City\##
-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Melbourne-M1", "peeringLocation": "Melbourne2", "facility": "Equinix M1", "derived": "Provider-\##
City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Miami-MI1", "peeringLocation": "Miami", "facility": "Equinix MI1", "derived": "Provider-City-Fa\##
cility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Paris-PA4", "peeringLocation": "Paris2", "facility": "Equinix (pa4)", "derived": "Provider-City\##
-Facility; the page's Address text is 'Equinix', its link target names the facility pa4; not seen in Azure's output"},
    {"name": "Equinix-Rio-de-Janeiro-RJ2", "peeringLocation": "Rio de Janeiro", "facility": "Equinix-RJ2", "derived":\##
 "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Sao-Paulo-SP2", "peeringLocation": "Sao Paulo", "facility": "Equinix SP2", "derived": "Provider\##
-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Stockholm-SK1", "peeringLocation": "Stockholm", "facility": "Equinix SK1", "derived": "Provider\##
-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Warsaw-WA1", "peeringLocation": "Warsaw", "facility": "Equinix WA1", "derived": "Provider-City-\##
Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Equinix-Zurich-ZH5", "peeringLocation": "Zurich2", "facility": "Equinix ZH5", "derived": "Provider-City\##
-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Green-Mountain-Stavanger-DC1", "peeringLocation": "Stavanger", "facility": "Green Mountain DC1", "deriv\##
ed": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Interxion-Amsterdam-AMS8", "peeringLocation": "Amsterdam2", "facility": "Digital Realty(Interxion) AMS8\##
", "derived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Interxion-Copenhagen-CPH1", "peeringLocation": "Copenhagen", "facility": "Digital Realty(Interxion) CPH\##
1", "derived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Interxion-Dublin-DUB2", "peeringLocation": "Dublin2", "facility": "Digital Realty(Interxion) DUB2", "de\##
rived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Interxion-Madrid-MAD1", "peeringLocation": "Madrid", "facility": "Digital Realty(Interxion) MAD1", "der\##
ived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "KIO-Networks-Queretaro-QR01", "peeringLocation": "Queretaro (Mexico)", "facility": "KIO Networks QR01",\##
 "derived": "Provider-City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "MEEZA-Doha-MV2", "peeringLocation": "Doha", "facility": "MEEZA MV2", "derived": "Provider-City-Facility\##
 from the page's Address column; not seen in Azure's output"},
    {"name": "NextDC-Melbourne-M1", "peeringLocation": "Melbourne", "facility": "NextDC M1", "derived": "Provider-Cit\##
y-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "NextDC-Perth-P1", "peeringLocation": "Perth", "facility": "NextDC P1", "derived": "Provider-City-Facili\##
ty from the page's Address column; not seen in Azure's output"},
    {"name": "NTT-Data-Vienna-VIE1", "peeringLocation": "Vienna2", "facility": "NTT Data VIE1", "derived": "Provider-\##
City-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "STT-GDC-Pune-DC1", "peeringLocation": "Pune", "facility": "STT GDC Pune DC1", "derived": "Provider-City\##
-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Teraco-Cape-Town-CT1", "peeringLocation": "Cape Town", "facility": "Teraco CT1", "derived": "Provider-C\##
ity-Facility from the page's Address column; not seen in Azure's output"},
    {"name": "Teraco-Johannesburg-JB1", "peeringLocation": "Johannesburg", "facility": "Teraco JB1", "derived": "Prov\##
ider-City-Facility from the page's Address column; not seen in Azure's output"}
  ]
}

"""##
}
