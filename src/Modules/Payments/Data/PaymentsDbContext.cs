using BillCenter.Modules.Payments.Domain;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Payments.Data;

/// <summary>The Payments module's tables (schema "payments" on PostgreSQL): bank accounts, payments, AutoPay plans.</summary>
internal class PaymentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "payments";

    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<AutoPayPlan> AutoPayPlans => Set<AutoPayPlan>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(this, Schema);
        modelBuilder.AddOutbox("payment_outbox_messages");

        modelBuilder.Entity<BankAccount>(e =>
        {
            e.ToTable("bank_accounts");
            e.Property(x => x.UserId).HasMaxLength(BankAccount.MaxUserIdLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.HolderName).HasMaxLength(BankAccount.MaxHolderNameLength);
            e.Property(x => x.RoutingNumber).HasMaxLength(RoutingNumber.Length);
            e.Property(x => x.ProtectedAccountNumber).HasMaxLength(1000);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.Last4).HasMaxLength(4);
            e.Property(x => x.Nickname).HasMaxLength(BankAccount.MaxNicknameLength);
            e.Ignore(x => x.DisplayName);
            e.HasIndex(x => x.UserId);
            // The same account once per user while it is saved: two adds racing cannot keep two.
            e.HasIndex(x => new { x.UserId, x.Fingerprint }).IsUnique().HasFilter("\"RemovedAt\" IS NULL");
        });

        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments");
            e.Property(x => x.UserId).HasMaxLength(BankAccount.MaxUserIdLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ConfirmationNumber).HasMaxLength(ConfirmationNumbers.Length);
            e.Property(x => x.IdempotencyKey).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.FromAutoPay);
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => x.ConfirmationNumber).IsUnique();
            // History, newest first, per user.
            e.HasIndex(x => new { x.UserId, x.CreatedAt, x.Id });
            // The posting job: what is due, by status and date.
            e.HasIndex(x => new { x.Status, x.PayOn, x.Id });
            // AutoPay pays a statement once, whatever races.
            e.HasIndex(x => new { x.CardAccountId, x.StatementId }).IsUnique().HasFilter("\"StatementId\" IS NOT NULL");
            e.HasOne<BankAccount>().WithMany().HasForeignKey(x => x.BankAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AutoPayPlan>(e =>
        {
            e.ToTable("autopay_plans");
            e.HasKey(x => x.CardAccountId);
            e.Property(x => x.CardAccountId).ValueGeneratedNever();
            e.Property(x => x.UserId).HasMaxLength(BankAccount.MaxUserIdLength);
            e.Property(x => x.Rule).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.UserId);
            e.HasOne<BankAccount>().WithMany().HasForeignKey(x => x.BankAccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}

internal sealed class SqlitePaymentsDbContext(DbContextOptions<SqlitePaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class PostgresPaymentsDbContext(DbContextOptions<PostgresPaymentsDbContext> options) : PaymentsDbContext(options);

internal sealed class SqlitePaymentsDesignTimeFactory()
    : ModuleDesignTimeFactory<SqlitePaymentsDbContext>(PaymentsDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresPaymentsDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresPaymentsDbContext>(PaymentsDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
