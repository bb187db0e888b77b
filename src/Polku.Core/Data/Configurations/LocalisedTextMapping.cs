using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Polku.Core.Catalogue;

namespace Polku.Core.Data.Configurations;

internal static class LocalisedTextMapping
{
    /// <summary>Maps a <see cref="LocalisedText"/> to the columns &lt;prefix&gt;Fi, &lt;prefix&gt;Sv and &lt;prefix&gt;En.</summary>
    public static void Columns(ComplexPropertyBuilder<LocalisedText> text, string prefix, int maxLength)
    {
        text.Property(t => t.Fi).HasColumnName(prefix + "Fi").HasMaxLength(maxLength).IsRequired();
        text.Property(t => t.Sv).HasColumnName(prefix + "Sv").HasMaxLength(maxLength);
        text.Property(t => t.En).HasColumnName(prefix + "En").HasMaxLength(maxLength);
    }
}
