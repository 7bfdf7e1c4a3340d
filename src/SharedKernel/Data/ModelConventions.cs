using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BillCenter.SharedKernel.Data;

/// <summary>Every DateTime we store is UTC; SQLite hands them back as Unspecified, so say so on the way out.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public static class ModelConventions
{
    /// <summary>The conventions every module's DbContext shares.</summary>
    public static void ApplyBillCenterConventions(this ModelConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<string>().HaveMaxLength(256);
        builder.Properties<SharedKernel.Money.Money>().HaveConversion<MoneyConverter>();
    }
}

public sealed class MoneyConverter() : ValueConverter<SharedKernel.Money.Money, long>(
    v => v.Cents,
    v => SharedKernel.Money.Money.FromCents(v));

public static class ModuleSchema
{
    /// <summary>A module's tables go in its own schema where the provider has schemas (PostgreSQL); SQLite has none.</summary>
    public static ModelBuilder UseModuleSchema(this ModelBuilder modelBuilder, DbContext context, string schema)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.IsSqlite() ? modelBuilder : modelBuilder.HasDefaultSchema(schema);
    }
}
