using BillCenter.Modules.Notifications.Domain;
using BillCenter.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Notifications.Data;

/// <summary>The Notifications module's tables (schema "notifications" on PostgreSQL).</summary>
internal class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    public DbSet<SmsOptOut> SmsOptOuts => Set<SmsOptOut>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<OneTimeCodeLimitEntry> OneTimeCodeLimitEntries => Set<OneTimeCodeLimitEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(this, Schema);

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.Property(n => n.Type).HasConversion<string>().HasMaxLength(32);
            notification.Property(n => n.Channel).HasConversion<string>().HasMaxLength(8);
            notification.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            notification.Property(n => n.Template).HasMaxLength(64);
            notification.Property(n => n.Destination).HasMaxLength(254);
            notification.Property(n => n.Subject).HasMaxLength(200);
            notification.Property(n => n.TextBody).HasMaxLength(4000);
            notification.Property(n => n.HtmlBody).HasMaxLength(16000);
            notification.Property(n => n.LastError).HasMaxLength(1000);
            notification.Property(n => n.ProviderMessageId).HasMaxLength(200);
            notification.Property(n => n.UserId).HasMaxLength(64);
            notification.Property(n => n.Version).IsConcurrencyToken();
            notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
            notification.HasIndex(n => n.ClaimToken);
            notification.HasIndex(n => n.ProviderMessageId);
            notification.HasIndex(n => n.CreatedAt);
        });

        modelBuilder.Entity<Notice>(notice =>
        {
            notice.ToTable("notices");
            notice.Property(n => n.UserId).HasMaxLength(64);
            notice.Property(n => n.Type).HasConversion<string>().HasMaxLength(32);
            notice.Property(n => n.Template).HasMaxLength(64);
            notice.Property(n => n.Subject).HasMaxLength(200);
            notice.Property(n => n.TextBody).HasMaxLength(4000);
            // A user's notices, newest first (the id breaks ties between notices of the same instant).
            notice.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id }).IsDescending(false, true, true);
            // The header's unread count on every signed-in page reads only the user's unread rows.
            notice.HasIndex(n => n.UserId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_notices_UserId_unread");
        });

        modelBuilder.Entity<ProcessedEvent>(processed =>
        {
            processed.ToTable("processed_events");
            processed.HasKey(p => p.EventId);
        });

        modelBuilder.Entity<SmsOptOut>(optOut =>
        {
            optOut.ToTable("sms_opt_outs");
            optOut.HasKey(o => o.PhoneNumber);
            optOut.Property(o => o.PhoneNumber).HasMaxLength(16);
            optOut.Property(o => o.Reason).HasMaxLength(200);
        });

        modelBuilder.Entity<OneTimeCode>(code =>
        {
            code.ToTable("one_time_codes");
            code.Property(c => c.Purpose).HasMaxLength(40);
            code.Property(c => c.Channel).HasConversion<string>().HasMaxLength(8);
            code.Property(c => c.Destination).HasMaxLength(254);
            code.Property(c => c.CodeHash).HasMaxLength(64);
            code.Property(c => c.Version).IsConcurrencyToken();
            code.HasIndex(c => c.ExpiresAt);
        });

        modelBuilder.Entity<OneTimeCodeLimitEntry>(entry =>
        {
            entry.ToTable("one_time_code_limit_entries");
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.DestinationKey).HasMaxLength(64);
            entry.HasIndex(e => new { e.CardAccountId, e.Kind, e.At });
            entry.HasIndex(e => new { e.DestinationKey, e.Kind, e.At });
            entry.HasIndex(e => e.At);
        });
    }
}

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDesignTimeFactory()
    : ModuleDesignTimeFactory<SqliteNotificationsDbContext>(NotificationsDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresNotificationsDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresNotificationsDbContext>(NotificationsDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
