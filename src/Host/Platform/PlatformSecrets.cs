using BillCenter.SharedKernel.Security;

namespace BillCenter.Host.Platform;

/// <summary>The keyed hash of card numbers and card IDs: its key comes from configuration and never the development one in Production.</summary>
internal static class PlatformSecrets
{
    public static void AddSecrets(this WebApplicationBuilder builder)
    {
        RefuseDevelopmentSecretsInProduction(builder);
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<KeyedHasher>();
    }

    private static void RefuseDevelopmentSecretsInProduction(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var hashKey = builder.Configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.HashKey)}"];
        if (string.IsNullOrWhiteSpace(hashKey) || hashKey == SecurityOptions.DevelopmentHashKey)
        {
            throw new InvalidOperationException(
                "Security:HashKey is the development key. Set a secret key (32+ random bytes, base64) for Production.");
        }
    }
}
