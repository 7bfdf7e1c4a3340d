using BillCenter.Modules.Audit.Domain;
using BillCenter.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Audit.Data;

/// <summary>The Audit module's tables (schema "audit" on PostgreSQL).</summary>
internal class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "audit";

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(this, Schema);

        modelBuilder.Entity<SecurityEvent>(e =>
        {
            e.ToTable("security_events");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.UserId).HasMaxLength(SecurityEvent.MaxUserIdLength);
            e.Property(x => x.UserName).HasMaxLength(SecurityEvent.MaxUserNameLength);
            e.Property(x => x.Detail).HasMaxLength(SecurityEvent.MaxDetailLength);
            e.Property(x => x.ClientAddress).HasMaxLength(SecurityEvent.MaxClientAddressLength);
            e.Property(x => x.UserAgent).HasMaxLength(SecurityEvent.MaxUserAgentLength);

            // Latest first (and the purge's cut-off), by user (either form an admin may type), by kind.
            e.HasIndex(x => new { x.OccurredAt, x.Id });
            e.HasIndex(x => new { x.UserId, x.OccurredAt });
            e.HasIndex(x => new { x.UserName, x.OccurredAt });
            e.HasIndex(x => new { x.Kind, x.OccurredAt });
        });
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

internal sealed class SqliteAuditDesignTimeFactory()
    : ModuleDesignTimeFactory<SqliteAuditDbContext>(AuditDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresAuditDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresAuditDbContext>(AuditDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
