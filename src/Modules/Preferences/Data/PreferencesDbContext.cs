using BillCenter.Modules.Preferences.Domain;
using BillCenter.SharedKernel.Data;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Preferences.Data;

/// <summary>The Preferences module's tables (schema "preferences" on PostgreSQL).</summary>
internal class PreferencesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Schema = "preferences";

    public DbSet<SecurityAnswer> SecurityAnswers => Set<SecurityAnswer>();

    public DbSet<StatementDelivery> StatementDeliveries => Set<StatementDelivery>();

    public DbSet<AlertSetting> AlertSettings => Set<AlertSetting>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseModuleSchema(this, Schema);

        modelBuilder.Entity<SecurityAnswer>(e =>
        {
            e.ToTable("security_answers");
            e.Property(x => x.UserId).HasMaxLength(SecurityAnswer.MaxUserIdLength);
            e.Property(x => x.QuestionKey).HasMaxLength(SecurityAnswer.MaxQuestionKeyLength);
            e.Property(x => x.AnswerHash).HasMaxLength(SecurityAnswer.MaxAnswerHashLength);

            // Three answers per user, one per position: two saves racing cannot leave six.
            e.HasIndex(x => new { x.UserId, x.Position }).IsUnique();
        });

        modelBuilder.Entity<StatementDelivery>(e =>
        {
            e.ToTable("statement_delivery");
            e.HasKey(x => x.CardAccountId);
            e.Property(x => x.CardAccountId).ValueGeneratedNever();
            e.Property(x => x.ChosenBy).HasMaxLength(StatementDelivery.MaxUserIdLength);
            e.Property(x => x.ConsentVersion).HasMaxLength(20);
        });

        modelBuilder.Entity<AlertSetting>(e =>
        {
            e.ToTable("alert_settings");
            e.HasKey(x => new { x.CardAccountId, x.Type });
            e.Property(x => x.ChosenBy).HasMaxLength(StatementDelivery.MaxUserIdLength);
        });
    }
}

internal sealed class SqlitePreferencesDbContext(DbContextOptions<SqlitePreferencesDbContext> options) : PreferencesDbContext(options);

internal sealed class PostgresPreferencesDbContext(DbContextOptions<PostgresPreferencesDbContext> options) : PreferencesDbContext(options);

internal sealed class SqlitePreferencesDesignTimeFactory()
    : ModuleDesignTimeFactory<SqlitePreferencesDbContext>(PreferencesDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresPreferencesDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresPreferencesDbContext>(PreferencesDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
