using BillCenter.Modules.Users.Domain;
using BillCenter.SharedKernel.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.Modules.Users.Data;

/// <summary>Identity's tables, sessions, known devices and the shared data-protection key ring (schema "users" on PostgreSQL).</summary>
internal class UsersDbContext(DbContextOptions options) : IdentityDbContext<BillCenterUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const string Schema = "users";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyBillCenterConventions();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseModuleSchema(this, Schema);
        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.Xml).HasMaxLength(8000);
        });
        builder.Entity<UserSession>(session =>
        {
            session.ToTable("user_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.KeyHash).HasMaxLength(32);
            session.HasIndex(s => s.KeyHash).IsUnique();
            session.Property(s => s.UserId).HasMaxLength(450);
            session.HasIndex(s => s.UserId);
            session.HasOne<BillCenterUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            session.Property(s => s.UserAgent).HasMaxLength(SessionLifetime.MaxUserAgentLength);
            session.Property(s => s.IpAddress).HasMaxLength(SessionLifetime.MaxIpAddressLength);
            session.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(32);
        });
        builder.Entity<KnownDevice>(device =>
        {
            device.ToTable("known_devices");
            device.HasKey(d => d.Id);
            device.Property(d => d.UserId).HasMaxLength(450);
            device.Property(d => d.TokenHash).HasMaxLength(32);
            device.HasIndex(d => new { d.UserId, d.TokenHash }).IsUnique();
            device.HasOne<BillCenterUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
            device.Property(d => d.Name).HasMaxLength(KnownDevice.MaxNameLength);
        });
    }
}

internal sealed class SqliteUsersDbContext(DbContextOptions<SqliteUsersDbContext> options) : UsersDbContext(options);

internal sealed class PostgresUsersDbContext(DbContextOptions<PostgresUsersDbContext> options) : UsersDbContext(options);

internal sealed class SqliteUsersDesignTimeFactory()
    : ModuleDesignTimeFactory<SqliteUsersDbContext>(UsersDbContext.Schema, DatabaseProvider.Sqlite, options => new(options));

internal sealed class PostgresUsersDesignTimeFactory()
    : ModuleDesignTimeFactory<PostgresUsersDbContext>(UsersDbContext.Schema, DatabaseProvider.Postgres, options => new(options));
