using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Bench.Reference.Data;

/// <summary>A few accounts with 60 transactions each, written once into an empty database.</summary>
internal static class ReferenceSeed
{
    public const int TransactionsPerAccount = 60;

    private static readonly string[] Owners = [ReferenceUser.UserName, "other.cardholder.1", "other.cardholder.2", "other.cardholder.3", "other.cardholder.4"];

    private static readonly string[] Merchants = ["Grocer", "Fuel station", "Bookshop", "Pharmacy", "Railway", "Restaurant"];

    public static async Task SeedAsync(ReferenceDbContext db)
    {
        if (await db.Accounts.AnyAsync())
        {
            return;
        }

        var start = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var owner = 0; owner < Owners.Length; owner++)
        {
            var account = new Account
            {
                OwnerId = Owners[owner],
                Name = "Gold Card",
                LastDigits = (1001 + owner).ToString(CultureInfo.InvariantCulture),
                Balance = 1234.56m + owner,
            };
            for (var i = 0; i < TransactionsPerAccount; i++)
            {
                account.Transactions.Add(new Transaction
                {
                    PostedAt = start.AddHours(13 * i + owner),
                    Description = $"{Merchants[i % Merchants.Length]} #{i + 1}",
                    Amount = 5m + (i * 7 % 90) + 0.25m,
                });
            }

            db.Accounts.Add(account);
        }

        await db.SaveChangesAsync();
    }
}
