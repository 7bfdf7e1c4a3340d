using BillCenter.Modules.Accounts.Contracts;
using BillCenter.Modules.Accounts.Domain;
using BillCenter.SharedKernel.Data;
using BillCenter.SharedKernel.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Accounts.Data;

/// <summary>The Accounts module's tables (schema "accounts" on PostgreSQL). No other module reads them.</summary>
internal class AccountsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "accounts";

    public DbSet<CardAccount> CardAccounts => Set<CardAccount>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<CardTransaction> Transactions => Set<CardTransaction>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<ProductBenefit> Benefits => Set<ProductBenefit>();

    public DbSet<AccountUserLink> UserLinks => Set<AccountUserLink>();

    public DbSet<VerificationAttempt> VerificationAttempts => Set<VerificationAttempt>();

    public DbSet<SelfServiceLock> SelfServiceLocks => Set<SelfServiceLock>();

    public DbSet<PaperMail> PaperMail => Set<PaperMail>();

    public DbSet<PostingUpload> PostingUploads => Set<PostingUpload>();

    public DbSet<PostingUploadRow> PostingUploadRows => Set<PostingUploadRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(this, Schema);
        modelBuilder.AddOutbox();

        modelBuilder.Entity<CardAccount>(account =>
        {
            account.ToTable("card_accounts");
            account.Property(a => a.Product).HasConversion<string>().HasMaxLength(32);
            account.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            account.Property(a => a.HolderName).HasMaxLength(100);
            account.Property(a => a.Nickname).HasMaxLength(40);
            account.Property(a => a.MobilePhone).HasMaxLength(16);
            account.Property(a => a.Version).IsConcurrencyToken();
            // The statement run finds the accounts whose cycle has ended.
            account.HasIndex(a => new { a.NextCycleClose, a.RunPartition });
            account.OwnsOne(a => a.BillingAddress, address =>
            {
                address.Property(p => p.Line1).HasColumnName("billing_line1").HasMaxLength(100);
                address.Property(p => p.Line2).HasColumnName("billing_line2").HasMaxLength(100);
                address.Property(p => p.City).HasColumnName("billing_city").HasMaxLength(60);
                address.Property(p => p.State).HasColumnName("billing_state").HasMaxLength(2);
                address.Property(p => p.Zip).HasColumnName("billing_zip").HasMaxLength(10);
            });
            account.HasMany(a => a.Cards).WithOne().HasForeignKey(c => c.CardAccountId);
            account.HasMany(a => a.Statements).WithOne().HasForeignKey(s => s.CardAccountId);
            account.Ignore(a => a.AvailableCredit);
        });

        modelBuilder.Entity<Card>(card =>
        {
            card.ToTable("cards");
            card.Property(c => c.Fingerprint).HasMaxLength(64);
            card.HasIndex(c => c.Fingerprint).IsUnique();
            card.Property(c => c.Last4).HasMaxLength(4).IsFixedLength();
            card.Property(c => c.CardIdVerifier).HasMaxLength(64);
            card.Property(c => c.EmbossedName).HasMaxLength(100);
            // A status change only applies to the status it was read with: two activations of one card cannot both win.
            card.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        });

        modelBuilder.Entity<CardTransaction>(transaction =>
        {
            transaction.ToTable("transactions");
            transaction.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            transaction.Property(t => t.Description).HasMaxLength(120);
            transaction.Property(t => t.Reference).HasMaxLength(40);
            transaction.Property(t => t.MerchantCategory).HasMaxLength(4).IsFixedLength();
            transaction.HasIndex(t => t.Reference).IsUnique();
            transaction.HasIndex(t => new { t.CardId, t.PostedAt, t.Id });
            // Activity pages are keyset-paged newest first on (posted at, id); the statement run finds the open cycle's entries.
            transaction.HasIndex(t => new { t.CardAccountId, t.PostedAt, t.Id });
            // Billed entries by statement. Unbilled ones (null) stay out of it: the statement run reads and stamps them by
            // account, and an index full of nulls would tempt the planner into scanning every unbilled entry.
            transaction.HasIndex(t => t.StatementId).HasFilter("\"StatementId\" IS NOT NULL");
            transaction.HasOne<CardAccount>().WithMany().HasForeignKey(t => t.CardAccountId);
            transaction.HasOne<Card>().WithMany().HasForeignKey(t => t.CardId);
        });

        modelBuilder.Entity<Statement>(statement =>
        {
            statement.ToTable("statements");
            // One statement per account and period, whatever runs race: the second insert fails and its run retries.
            statement.HasIndex(s => new { s.CardAccountId, s.PeriodEnd }).IsUnique();
            // The number names a statement within its account (what a cardholder quotes); the key above is the unique one.
            statement.Property(s => s.Number).HasMaxLength(16);
            // The reminder job looks for statements coming due whose reminder was not queued yet.
            statement.HasIndex(s => new { s.DueDate, s.ReminderQueuedAt });
            // Two reminder runs cannot both queue a statement's reminder: the second update finds it set.
            statement.Property(s => s.ReminderQueuedAt).IsConcurrencyToken();
        });

        modelBuilder.Entity<PaperMail>(mail =>
        {
            mail.ToTable("paper_mail");
            mail.HasIndex(m => m.StatementId).IsUnique();
            mail.HasIndex(m => new { m.ExportedAt, m.CreatedAt });
            mail.Property(m => m.HolderName).HasMaxLength(100);
            mail.OwnsOne(m => m.Address, address =>
            {
                address.Property(p => p.Line1).HasColumnName("line1").HasMaxLength(100);
                address.Property(p => p.Line2).HasColumnName("line2").HasMaxLength(100);
                address.Property(p => p.City).HasColumnName("city").HasMaxLength(60);
                address.Property(p => p.State).HasColumnName("state").HasMaxLength(2);
                address.Property(p => p.Zip).HasColumnName("zip").HasMaxLength(10);
            });
            mail.HasOne<Statement>().WithOne().HasForeignKey<PaperMail>(m => m.StatementId);
        });

        modelBuilder.Entity<PostingUpload>(upload =>
        {
            upload.ToTable("posting_uploads");
            upload.Property(u => u.FileName).HasMaxLength(200);
            upload.Property(u => u.UploadedBy).HasMaxLength(64);
            upload.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
            upload.HasMany(u => u.Rows).WithOne().HasForeignKey(r => r.UploadId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PostingUploadRow>(row =>
        {
            row.ToTable("posting_upload_rows");
            row.HasKey(r => new { r.UploadId, r.LineNumber });
            row.Property(r => r.CardFingerprint).HasMaxLength(64);
            row.Property(r => r.Description).HasMaxLength(120);
            row.Property(r => r.MerchantCategory).HasMaxLength(4).IsFixedLength();
            row.Property(r => r.Reference).HasMaxLength(40);
        });

        modelBuilder.Entity<ProductBenefit>(benefit =>
        {
            benefit.ToTable("product_benefits");
            benefit.Property(b => b.Product).HasConversion<string>().HasMaxLength(32);
            benefit.Property(b => b.Title).HasMaxLength(80);
            benefit.Property(b => b.Description).HasMaxLength(400);
            benefit.HasIndex(b => b.Product);
            benefit.HasData(BenefitCatalog.All);
        });

        modelBuilder.Entity<AccountUserLink>(link =>
        {
            link.ToTable("account_user_links");
            // One online account per card account: two enrollments racing for one card cannot both link it.
            link.HasKey(l => l.CardAccountId);
            link.Property(l => l.UserId).HasMaxLength(64);
            link.HasIndex(l => l.UserId);
            link.HasOne<CardAccount>().WithOne().HasForeignKey<AccountUserLink>(l => l.CardAccountId);
        });

        modelBuilder.Entity<VerificationAttempt>(attempt =>
        {
            attempt.ToTable("verification_attempts");
            attempt.Property(a => a.State).HasConversion<string>().HasMaxLength(8);
            attempt.HasIndex(a => new { a.Subject, a.AttemptedAt });
        });

        modelBuilder.Entity<SelfServiceLock>(selfServiceLock =>
        {
            selfServiceLock.ToTable("self_service_locks");
            selfServiceLock.HasKey(l => l.Subject);
        });
    }
}

/// <summary>SQLite flavour: its own migrations (Data/Migrations/Sqlite).</summary>
internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>PostgreSQL flavour: its own migrations (Data/Migrations/Postgres).</summary>
internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class SqliteAccountsDesignTimeFactory()
    : ModuleDesignTimeFactory<SqliteAccountsDbContext>(AccountsDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresAccountsDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresAccountsDbContext>(AccountsDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
