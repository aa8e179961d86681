#!/usr/bin/env python3
"""Writes a deterministic FOCUS 1.2 cost export (Microsoft's FocusCost 1.2 columns) for the reconcile benchmark.

Usage: generate_focus.py OUT.csv [--bytes N] [--seed S]     (default 1,000,000,000 bytes, seed 20261001)

Synthetic, like the reconcile fixtures: no public billing row for an ExpressRoute meter exists. Only the shape
follows real exports (the 104 columns of FocusCost 1.2 in Microsoft's order, `NULL` literals, `YYYY-MM-DD HH:MM:SS`
dates, ARM-path `BillingAccountId`, lower-cased resource IDs, CRLF, quoted `Tags` JSON with commas and, now and then,
a line break inside a quoted field).

One row a resource × meter × day over a year (2025-11-01 to 2026-10-31), in day order:
- 99% are other services of a large tenant: virtual machines and their egress (`Bandwidth`), managed disks,
  storage accounts, SQL databases, public IPs, Log Analytics, and VPN gateways (the same ARM type as an
  ExpressRoute gateway), across 40 subscriptions and ~6,000 resources, with full-precision decimals.
- 1% (every 100th row) are the ExpressRoute circuits and gateways of
  Tests/ExpressRouteCLITests/Fixtures/reconcile/az-estate.json, with the meters of the reconcile fixtures
  (`Standard Metered Data 1 Gbps Circuit`, `Metered Data - Data Transfer Out`, `ErGw1AZ Gateway` …). They cycle
  through the day's 16 resource × meter pairs, so a pair has several rows a day (as exports split rows by tag or
  commitment); ercalc and the DuckDB query sum them.

The file is written in chunks and stops at the first row boundary past --bytes. Same seed, same bytes.
"""
import argparse
import calendar
import csv
import datetime
import io
import random

COLUMNS = (
    "BilledCost,BillingAccountId,BillingAccountName,BillingAccountType,BillingCurrency,BillingPeriodEnd,"
    "BillingPeriodStart,CapacityReservationId,CapacityReservationStatus,ChargeCategory,ChargeClass,ChargeDescription,"
    "ChargeFrequency,ChargePeriodEnd,ChargePeriodStart,CommitmentDiscountCategory,CommitmentDiscountId,"
    "CommitmentDiscountName,CommitmentDiscountQuantity,CommitmentDiscountStatus,CommitmentDiscountType,"
    "CommitmentDiscountUnit,ConsumedQuantity,ConsumedUnit,ContractedCost,ContractedUnitPrice,EffectiveCost,InvoiceId,"
    "InvoiceIssuerName,ListCost,ListUnitPrice,PricingCategory,PricingCurrency,PricingQuantity,PricingUnit,ProviderName,"
    "PublisherName,RegionId,RegionName,ResourceId,ResourceName,ResourceType,ServiceCategory,ServiceName,"
    "ServiceSubcategory,SkuId,SkuMeter,SkuPriceDetails,SkuPriceId,SubAccountId,SubAccountName,SubAccountType,Tags,"
    "x_AccountId,x_AccountName,x_AccountOwnerId,x_AmortizationClass,x_BilledCostInUsd,x_BilledUnitPrice,"
    "x_BillingAccountId,x_BillingAccountName,x_BillingExchangeRate,x_BillingExchangeRateDate,x_BillingProfileId,"
    "x_BillingProfileName,x_ContractedCostInUsd,x_CostAllocationRuleName,x_CostCenter,x_CustomerId,x_CustomerName,"
    "x_EffectiveCostInUsd,x_EffectiveUnitPrice,x_InvoiceIssuerId,x_InvoiceSectionId,x_InvoiceSectionName,"
    "x_ListCostInUsd,x_PartnerCreditApplied,x_PartnerCreditRate,x_PricingBlockSize,x_PricingSubcategory,"
    "x_PricingUnitDescription,x_PublisherCategory,x_PublisherId,x_ResellerId,x_ResellerName,x_ResourceGroupName,"
    "x_ResourceType,x_ServiceModel,x_ServicePeriodEnd,x_ServicePeriodStart,x_SkuDescription,x_SkuIsCreditEligible,"
    "x_SkuMeterCategory,x_SkuMeterId,x_SkuMeterSubcategory,x_SkuOfferId,x_SkuOrderId,x_SkuOrderName,x_SkuPartNumber,"
    "x_SkuPlanName,x_SkuRegion,x_SkuServiceFamily,x_SkuTerm,x_SkuTier"
).split(",")
assert len(COLUMNS) == 104
AT = {name: i for i, name in enumerate(COLUMNS)}

ESTATE_SUB = "11111111-2222-3333-4444-555555555555"
REGIONS = ["westeurope", "northeurope", "germanywestcentral", "uksouth", "francecentral", "eastus2", "swedencentral"]

# (resource type, ServiceName, ServiceCategory, ServiceSubcategory, x_SkuMeterCategory, meter, unit, unit price,
#  daily quantity range, weight). Every other service of the tenant; none mentions ExpressRoute.
SERVICES = [
    ("microsoft.compute/virtualmachines", "Virtual Machines", "Compute", "Virtual Machines", "Virtual Machines",
     "D4s v5", "Hours", "0.2112", (1, 24), 30),
    ("microsoft.compute/virtualmachines", "Bandwidth", "Networking", "Network Connectivity", "Bandwidth",
     "Standard Data Transfer Out", "GB", "0.087", (0, 400), 12),
    ("microsoft.compute/disks", "Storage", "Storage", "Disk Storage", "Storage",
     "P10 LRS Disk", "Months", "19.71", (0.03, 0.04), 20),
    ("microsoft.storage/storageaccounts", "Storage Accounts", "Storage", "Object Storage", "Storage",
     "Hot LRS Data Stored", "GB", "0.0184", (10, 90000), 12),
    ("microsoft.storage/storageaccounts", "Storage Accounts", "Storage", "Object Storage", "Storage",
     "Hot LRS Write Operations", "10K", "0.065", (1, 5000), 6),
    ("microsoft.sql/servers/databases", "Azure SQL Database", "Databases", "Relational Databases", "SQL Database",
     "vCore", "Hours", "0.5044", (24, 192), 8),
    ("microsoft.network/publicipaddresses", "Virtual Network", "Networking", "Network Connectivity",
     "Virtual Network", "Standard IPv4 Static Public IP", "Hours", "0.005", (24, 24), 6),
    ("microsoft.operationalinsights/workspaces", "Log Analytics", "Management and Governance", "Observability",
     "Log Analytics", "Pay-as-you-go Data Ingestion", "GB", "2.76", (0, 300), 4),
    ("microsoft.network/virtualnetworkgateways", "VPN Gateway", "Networking", "Network Connectivity", "VPN Gateway",
     "VpnGw1AZ", "Hours", "0.361", (24, 24), 2),
]
WEIGHTS = [s[-1] for s in SERVICES]
NAME_PREFIX = {
    "microsoft.compute/virtualmachines": "vm",
    "microsoft.compute/disks": "disk",
    "microsoft.storage/storageaccounts": "st",
    "microsoft.sql/servers/databases": "sqldb",
    "microsoft.network/publicipaddresses": "pip",
    "microsoft.operationalinsights/workspaces": "log",
    "microsoft.network/virtualnetworkgateways": "vpngw",
}

# The estate's billed resources (az-estate.json), as exports write them (lower-cased), with their meters:
# (name, type, region, [(meter, unit, monthly or unit price, is daily fee, quantity range)]).
CIRCUIT_TYPE = "microsoft.network/expressroutecircuits"
GATEWAY_TYPE = "microsoft.network/virtualnetworkgateways"
METERED_OUT = ("Metered Data - Data Transfer Out", "GB", "0.025", False, (0, 1500))
ESTATE = [
    ("ams-er", CIRCUIT_TYPE, "westeurope", [("Standard Metered Data 1 Gbps Circuit", "Months", "436", True, None),
                                             METERED_OUT]),
    ("fra-er", CIRCUIT_TYPE, "germanywestcentral", [("Premium Metered Data 1 Gbps Circuit", "Months", "1186", True,
                                                      None), METERED_OUT]),
    ("lon-er", CIRCUIT_TYPE, "uksouth", [("Standard Metered Data 1 Gbps Circuit", "Months", "436", True, None),
                                         METERED_OUT]),
    ("dub-er", CIRCUIT_TYPE, "northeurope", [("Standard Metered Data 1 Gbps Circuit", "Months", "436", True, None),
                                             METERED_OUT]),
    ("ams-unl", CIRCUIT_TYPE, "westeurope", [("Standard Unlimited Data 1 Gbps Circuit", "Months", "5700", True,
                                              None), ("Unlimited Data - Data Transfer Out", "GB", "0", False,
                                                      (0, 200))]),
    ("ams-quiet", CIRCUIT_TYPE, "westeurope", [("Standard Metered Data 1 Gbps Circuit", "Months", "436", True, None),
                                               ("Metered Data - Data Transfer Out", "GB", "0.025", False, (0, 3))]),
    ("weu-ergw", GATEWAY_TYPE, "westeurope", [("ErGw1AZ Gateway", "Hours", "0.361", False, (24, 24))]),
    ("gwc-ergw", GATEWAY_TYPE, "germanywestcentral", [("ErGw1AZ Gateway", "Hours", "0.361", False, (24, 24))]),
    ("neu-ergw", GATEWAY_TYPE, "northeurope", [("ErGw1AZ Gateway", "Hours", "0.361", False, (24, 24))]),
    ("old-ergw", GATEWAY_TYPE, "westeurope", [("ErGw1AZ Gateway", "Hours", "0.361", False, (24, 24))]),
]
ER_PAIRS = [(name, rtype, region, meter) for name, rtype, region, meters in ESTATE for meter in meters]

FIRST_DAY = datetime.date(2025, 11, 1)
DAYS = 365
ER_EVERY = 100  # one row in a hundred is ExpressRoute


def uuid(rng):
    return "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                         rng.getrandbits(16), rng.getrandbits(48))


def stamp(day):
    return day.strftime("%Y-%m-%d 00:00:00")


def full(value):
    """Full precision, as exports write computed costs (up to 17 significant digits, no exponent)."""
    text = ("%.15f" % value).rstrip("0")
    return text + "0" if text.endswith(".") else text


class Tenant:
    def __init__(self, rng):
        self.subs = [(uuid(rng), "sub-%s-%02d" % (rng.choice(["prod", "dev", "test", "shared", "data"]), i))
                     for i in range(40)]
        self.resources = []  # per service: list of (ResourceId, name, rg, sub, subname, region, tags)
        for service in SERVICES:
            rtype = service[0]
            pool = []
            for i in range(service[-1] * 25):
                sub, subname = rng.choice(self.subs)
                rg = "rg-%s-%03d" % (rng.choice(["app", "web", "data", "platform", "batch", "ml"]), rng.randrange(60))
                name = "%s-%s-%04d" % (NAME_PREFIX[rtype], rng.choice(["weu", "neu", "gwc", "uks", "eus2"]), i)
                provider, _, kind = rtype.partition("/")
                if rtype == "microsoft.sql/servers/databases":
                    path = "%s/servers/sql-%s/databases/%s" % (provider, rg[3:], name)
                else:
                    path = "%s/%s/%s" % (provider, kind, name)
                rid = "/subscriptions/%s/resourcegroups/%s/providers/%s" % (sub, rg, path)
                tags = rng.choice([
                    "NULL",
                    '{"env": "prod", "owner": "team-%02d, platform"}' % rng.randrange(50),
                    '{"costcenter": "CC-%04d", "app": "billing, invoicing", "env": "dev"}' % rng.randrange(9999),
                    '{"env": "test"}',
                ])
                pool.append((rid, name, rg, sub, subname, rng.choice(REGIONS), tags, uuid(rng), uuid(rng)))
            self.resources.append(pool)
        self.estate_meter_ids = {pair[3][0]: uuid(rng) for pair in ER_PAIRS}


def base_row(day, region):
    row = ["NULL"] * 104
    start, end = stamp(day), stamp(day + datetime.timedelta(days=1))
    month_start = day.replace(day=1)
    month_end = (month_start + datetime.timedelta(days=32)).replace(day=1)
    row[AT["BillingAccountId"]] = "/providers/Microsoft.Billing/billingAccounts/98765432"
    row[AT["BillingAccountName"]] = "Contoso Networks (example)"
    row[AT["BillingAccountType"]] = "Billing Account"
    row[AT["BillingCurrency"]] = "USD"
    row[AT["PricingCurrency"]] = "USD"
    row[AT["BillingPeriodStart"]] = stamp(month_start)
    row[AT["BillingPeriodEnd"]] = stamp(month_end)
    row[AT["ChargePeriodStart"]] = start
    row[AT["ChargePeriodEnd"]] = end
    row[AT["x_ServicePeriodStart"]] = start
    row[AT["x_ServicePeriodEnd"]] = end
    row[AT["ChargeCategory"]] = "Usage"
    row[AT["InvoiceIssuerName"]] = "Microsoft"
    row[AT["ProviderName"]] = "Microsoft"
    row[AT["PublisherName"]] = "Microsoft"
    row[AT["PricingCategory"]] = "Standard"
    row[AT["RegionId"]] = region
    row[AT["RegionName"]] = region
    row[AT["SubAccountType"]] = "Subscription"
    row[AT["x_BillingExchangeRate"]] = "1"
    row[AT["x_BillingExchangeRateDate"]] = stamp(month_start)
    row[AT["x_BillingProfileId"]] = "/providers/Microsoft.Billing/billingAccounts/98765432/billingProfiles/ABCD-EF12"
    row[AT["x_BillingProfileName"]] = "Contoso, Networks profile"
    row[AT["x_InvoiceSectionName"]] = "Networking, shared"
    row[AT["x_PricingBlockSize"]] = "1"
    row[AT["x_SkuIsCreditEligible"]] = "true"
    return row


def fill_costs(row, quantity, price, unit):
    cost = quantity * float(price)
    q, c = full(quantity), full(cost)
    for name in ("ConsumedQuantity", "PricingQuantity"):
        row[AT[name]] = q
    row[AT["ConsumedUnit"]] = unit
    row[AT["PricingUnit"]] = unit
    for name in ("BilledCost", "EffectiveCost", "ContractedCost", "ListCost", "x_BilledCostInUsd",
                 "x_EffectiveCostInUsd", "x_ContractedCostInUsd", "x_ListCostInUsd"):
        row[AT[name]] = c
    for name in ("ContractedUnitPrice", "ListUnitPrice", "x_BilledUnitPrice", "x_EffectiveUnitPrice"):
        row[AT[name]] = price
    row[AT["x_PricingUnitDescription"]] = "1 " + unit.rstrip("s") if unit != "10K" else "10K"


def other_row(rng, tenant, day):
    index = rng.choices(range(len(SERVICES)), weights=WEIGHTS)[0]
    rtype, service, category, subcategory, metercat, meter, unit, price, (lo, hi), _ = SERVICES[index]
    rid, name, rg, sub, subname, region, tags, meter_id, sku = rng.choice(tenant.resources[index])
    row = base_row(day, region)
    quantity = rng.uniform(lo, hi) if lo != hi else float(lo)
    fill_costs(row, quantity, price, unit)
    row[AT["ChargeFrequency"]] = "Usage-Based"
    row[AT["ChargeDescription"]] = meter
    row[AT["ResourceId"]] = rid
    row[AT["ResourceName"]] = name
    row[AT["ResourceType"]] = rtype
    row[AT["x_ResourceType"]] = rtype
    row[AT["x_ResourceGroupName"]] = rg
    row[AT["ServiceName"]] = service
    row[AT["ServiceCategory"]] = category
    row[AT["x_SkuServiceFamily"]] = category
    row[AT["ServiceSubcategory"]] = subcategory
    row[AT["SkuMeter"]] = meter
    row[AT["SkuId"]] = sku
    row[AT["SkuPriceId"]] = sku + "/" + meter_id[:8]
    row[AT["x_SkuMeterId"]] = meter_id
    row[AT["x_SkuMeterCategory"]] = metercat
    row[AT["x_SkuDescription"]] = "%s, %s" % (meter, region)
    row[AT["x_SkuRegion"]] = region
    row[AT["SubAccountId"]] = "/subscriptions/" + sub
    row[AT["SubAccountName"]] = subname
    row[AT["x_AccountId"]] = sub
    # A line break inside a quoted field, now and then (as in the fixture's storage row).
    row[AT["Tags"]] = tags if rng.random() > 0.001 else '{"note": "migrated, \nsee ticket %d"}' % rng.randrange(9999)
    return row


def er_row(rng, tenant, day, pair):
    name, rtype, region, (meter, unit, price, is_fee, span) = pair
    row = base_row(day, region)
    if is_fee:
        days = calendar.monthrange(day.year, day.month)[1]
        fill_costs(row, 1 / days, price, unit)
        row[AT["ChargeFrequency"]] = "Recurring"
    else:
        lo, hi = span
        fill_costs(row, rng.uniform(lo, hi) if lo != hi else float(lo), price, unit)
        row[AT["ChargeFrequency"]] = "Usage-Based"
    rid = "/subscriptions/%s/resourcegroups/er-rg/providers/%s/%s" % (ESTATE_SUB, rtype, name)
    row[AT["ChargeDescription"]] = meter
    row[AT["ResourceId"]] = rid
    row[AT["ResourceName"]] = name
    row[AT["ResourceType"]] = rtype
    row[AT["x_ResourceType"]] = rtype
    row[AT["x_ResourceGroupName"]] = "er-rg"
    row[AT["ServiceName"]] = "Azure ExpressRoute"
    row[AT["ServiceCategory"]] = "Networking"
    row[AT["x_SkuServiceFamily"]] = "Networking"
    row[AT["ServiceSubcategory"]] = "Network Routing"
    row[AT["SkuMeter"]] = meter
    row[AT["x_SkuMeterId"]] = tenant.estate_meter_ids[meter]
    row[AT["x_SkuMeterCategory"]] = "ExpressRoute"
    row[AT["x_SkuRegion"]] = region
    row[AT["SubAccountId"]] = "/subscriptions/" + ESTATE_SUB
    row[AT["SubAccountName"]] = "network-prod"
    row[AT["x_AccountId"]] = ESTATE_SUB
    row[AT["Tags"]] = '{"env": "prod", "owner": "network, core"}'
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--bytes", type=int, default=1_000_000_000)
    parser.add_argument("--seed", type=int, default=20261001)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tenant = Tenant(rng)
    written = rows = er_rows = 0
    with open(args.out, "wb") as out:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        while written < args.bytes:
            # The day follows the bytes written, so the year spans the whole file whatever --bytes is.
            day = FIRST_DAY + datetime.timedelta(days=min(DAYS - 1, written * DAYS // args.bytes))
            for _ in range(1000):
                rows += 1
                if rows % ER_EVERY == 0:
                    writer.writerow(er_row(rng, tenant, day, ER_PAIRS[er_rows % len(ER_PAIRS)]))
                    er_rows += 1
                else:
                    writer.writerow(other_row(rng, tenant, day))
            chunk = buffer.getvalue().encode()
            out.write(chunk)
            written += len(chunk)
            buffer.seek(0)
            buffer.truncate()
    print(f"{args.out}: {written} bytes, {rows} rows, {er_rows} ExpressRoute rows")


if __name__ == "__main__":
    main()
