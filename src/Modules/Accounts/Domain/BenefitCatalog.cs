using BillCenter.Modules.Accounts.Contracts;

namespace BillCenter.Modules.Accounts.Domain;

/// <summary>The benefits each product carries (seeded by migration; edit here and add a migration to change them).</summary>
internal static class BenefitCatalog
{
    public static readonly ProductBenefit[] All =
    [
        new() { Id = 1, Product = Product.Green, Title = "Purchase protection", Description = "Covered purchases are protected against accidental damage or theft for 90 days." },
        new() { Id = 2, Product = Product.Green, Title = "Membership rewards", Description = "Earn 1 point for every dollar spent on eligible purchases." },
        new() { Id = 3, Product = Product.Gold, Title = "Dining rewards", Description = "Earn 4 points per dollar at restaurants worldwide." },
        new() { Id = 4, Product = Product.Gold, Title = "Baggage insurance", Description = "Lost, damaged or stolen checked baggage covered up to $1,250 when the fare is paid with the card." },
        new() { Id = 5, Product = Product.Gold, Title = "No foreign transaction fees", Description = "Pay abroad without a foreign transaction fee." },
        new() { Id = 6, Product = Product.Platinum, Title = "Airport lounge access", Description = "Entry to partner airport lounges for you and two guests." },
        new() { Id = 7, Product = Product.Platinum, Title = "Trip cancellation insurance", Description = "Non-refundable trip costs covered up to $10,000 per trip." },
        new() { Id = 8, Product = Product.Platinum, Title = "Hotel status", Description = "Complimentary elite status with partner hotel programs." },
        new() { Id = 9, Product = Product.BlueCash, Title = "Cash back on groceries", Description = "6% cash back at US supermarkets on up to $6,000 a year." },
        new() { Id = 10, Product = Product.BlueCash, Title = "Cash back on transit", Description = "3% cash back on transit, including taxis, rideshare and trains." },
        new() { Id = 11, Product = Product.CorporatePurchasing, Title = "Spend controls", Description = "Per-card limits and merchant category controls set by your program administrator." },
        new() { Id = 12, Product = Product.CorporatePurchasing, Title = "Extended payment terms", Description = "Up to 55 days to pay with consolidated billing." },
        new() { Id = 13, Product = Product.LineOfCredit, Title = "Flexible draws", Description = "Draw funds when you need them and pay interest only on what you use." },
        new() { Id = 14, Product = Product.Consolidator, Title = "One bill for many cards", Description = "All your program's cards on a single statement with one payment." },
    ];
}
