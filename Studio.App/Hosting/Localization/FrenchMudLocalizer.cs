using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Studio.App.Hosting.Localization;

/// <summary>
/// MudBlazor's own texts (the data grid's pager, sort and filter labels, tables, pagination, file upload) in French
/// when the UI culture is French. MudBlazor asks this for every key it does not have in the current language; an
/// unknown key or another language falls back to MudBlazor's English.
/// </summary>
internal sealed class FrenchMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> French = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MudDataGridPager_AllItems"] = "Tout",
        ["MudDataGridPager_FirstPage"] = "Première page",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} sur {2}",
        ["MudDataGridPager_LastPage"] = "Dernière page",
        ["MudDataGridPager_NextPage"] = "Page suivante",
        ["MudDataGridPager_PreviousPage"] = "Page précédente",
        ["MudDataGridPager_RowsPerPage"] = "Lignes par page :",
        ["MudDataGrid_AddFilter"] = "Ajouter un filtre",
        ["MudDataGrid_Apply"] = "Appliquer",
        ["MudDataGrid_Cancel"] = "Annuler",
        ["MudDataGrid_Clear"] = "Effacer",
        ["MudDataGrid_ClearFilter"] = "Effacer le filtre",
        ["MudDataGrid_Column"] = "Colonne",
        ["MudDataGrid_Columns"] = "Colonnes",
        ["MudDataGrid_Filter"] = "Filtrer",
        ["MudDataGrid_FilterValue"] = "Valeur du filtre",
        ["MudDataGrid_Hide"] = "Masquer",
        ["MudDataGrid_HideAll"] = "Tout masquer",
        ["MudDataGrid_Loading"] = "Chargement…",
        ["MudDataGrid_OpenFilters"] = "Ouvrir les filtres",
        ["MudDataGrid_Operator"] = "Opérateur",
        ["MudDataGrid_RefreshData"] = "Actualiser",
        ["MudDataGrid_RemoveFilter"] = "Retirer le filtre",
        ["MudDataGrid_Save"] = "Enregistrer",
        ["MudDataGrid_SelectAllRows"] = "Sélectionner toutes les lignes",
        ["MudDataGrid_SelectRow"] = "Sélectionner la ligne",
        ["MudDataGrid_ShowAll"] = "Tout afficher",
        ["MudDataGrid_ShowColumnOptions"] = "Options de colonne",
        ["MudDataGrid_Sort"] = "Trier",
        ["MudDataGrid_Unsort"] = "Ne plus trier",
        ["MudDataGrid_Value"] = "Valeur",
        ["MudDataGrid_Contains"] = "contient",
        ["MudDataGrid_NotContains"] = "ne contient pas",
        ["MudDataGrid_Equals"] = "est égal à",
        ["MudDataGrid_NotEquals"] = "est différent de",
        ["MudDataGrid_StartsWith"] = "commence par",
        ["MudDataGrid_EndsWith"] = "se termine par",
        ["MudDataGrid_IsEmpty"] = "est vide",
        ["MudDataGrid_IsNotEmpty"] = "n’est pas vide",
        ["MudDataGrid_True"] = "vrai",
        ["MudDataGrid_False"] = "faux",
        ["MudTable_Loading"] = "Chargement…",
        ["MudTablePager_FirstPage"] = "Première page",
        ["MudTablePager_LastPage"] = "Dernière page",
        ["MudTablePager_NextPage"] = "Page suivante",
        ["MudTablePager_PreviousPage"] = "Page précédente",
        ["MudPagination_FirstPage"] = "Première page",
        ["MudPagination_LastPage"] = "Dernière page",
        ["MudPagination_NextPage"] = "Page suivante",
        ["MudPagination_PreviousPage"] = "Page précédente",
        ["MudPagination_CurrentPage"] = "Page actuelle {0}",
        ["MudPagination_PageIndex"] = "Page {0}",
        ["MudInput_Clear"] = "Effacer",
        ["MudAlert_Close"] = "Fermer",
        ["MudDialog_Close"] = "Fermer",
        ["MudSnackbar_Close"] = "Fermer",
        ["MudFileUpload_DragAndDrop"] = "Déposez des fichiers ici ou cliquez pour parcourir",
        ["MudFileUpload_Button"] = "Parcourir les fichiers",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when the UI culture is French (fr, fr-FR, fr-CA…).</summary>
    private static bool IsFrench => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    /// <inheritdoc />
    public override LocalizedString this[string key] => IsFrench && French.TryGetValue(key, out var text)
        ? new LocalizedString(key, text, resourceNotFound: false)
        : new LocalizedString(key, key, resourceNotFound: true);

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound ? text : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), resourceNotFound: false);
        }
    }
}
