using Microsoft.EntityFrameworkCore;

namespace BillCenter.Bench.Reference.Data;

/// <summary>The reference app's two tables, created by EnsureCreated at start-up.</summary>
internal sealed class ReferenceDbContext(DbContextOptions<ReferenceDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Transaction> Transactions => Set<Transaction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(account =>
        {
            account.Property(a => a.OwnerId).HasMaxLength(64);
            account.Property(a => a.Name).HasMaxLength(100);
            account.Property(a => a.LastDigits).HasMaxLength(4);
            account.Property(a => a.Balance).HasPrecision(18, 2);
            account.HasIndex(a => a.OwnerId).IsUnique();
            account.HasMany(a => a.Transactions).WithOne().HasForeignKey(t => t.AccountId);
        });
        modelBuilder.Entity<Transaction>(transaction =>
        {
            transaction.Property(t => t.Description).HasMaxLength(100);
            transaction.Property(t => t.Amount).HasPrecision(18, 2);
            transaction.HasIndex(t => new { t.AccountId, t.PostedAt });
        });
    }
}
