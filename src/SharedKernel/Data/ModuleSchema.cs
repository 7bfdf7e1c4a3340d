using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BillCenter.SharedKernel.Data;

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
