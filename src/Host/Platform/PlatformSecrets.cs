using BillCenter.SharedKernel.Security;

namespace BillCenter.Host.Platform;

/// <summary>The keyed hash of card numbers and card IDs: its key comes from configuration (checked by <see cref="ProductionSettings"/>).</summary>
internal static class PlatformSecrets
{
    public static void AddSecrets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<KeyedHasher>();
    }
}
