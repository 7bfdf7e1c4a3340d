using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BillCenter.SharedKernel.Data;

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
