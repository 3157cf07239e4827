"""The child order ECMA-376 declares for each property container, in one place.

Word refuses (or silently repairs) children out of schema order, so every container
the build or the template script writes is assembled through `ordered()` or `place()`,
never by appending in whatever order the code happens to run (python-docx declares
child order once per element class for the same reason).
"""

from __future__ import annotations

from lxml import etree

from cmwreport.docx.xml import el, etree_localname

#: Schema sequences (ECMA-376 Part 1, transitional) of the containers written.
ORDER: dict[str, tuple[str, ...]] = {
    "pPr": tuple(
        (
            "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
            "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
            "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
            "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
            "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
            "sectPr pPrChange"
        ).split()
    ),
    "rPr": tuple(
        (
            "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
            "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
            "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
            "eastAsianLayout specVanish oMath"
        ).split()
    ),
    "tblPr": tuple(
        (
            "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
            "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
            "tblCaption tblDescription"
        ).split()
    ),
    "tcPr": tuple(
        (
            "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark"
        ).split()
    ),
    "sectPr": tuple(
        (
            "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
            "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
            "textDirection bidi rtlGutter docGrid printerSettings"
        ).split()
    ),
    "style": tuple(
        (
            "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
            "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
            "rPr tblPr trPr tcPr tblStylePr"
        ).split()
    ),
    "lvl": tuple(
        "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc "
        "pPr rPr".split()
    ),
    "pBdr": tuple("top left start bottom right end between bar".split()),
    "tblBorders": tuple("top left start bottom right end insideH insideV".split()),
    "tcBorders": tuple("top left start bottom right end insideH insideV tl2br tr2bl".split()),
    "settings": tuple(
        (
            "writeProtection view zoom removePersonalInformation removeDateAndTime "
            "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
            "printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
            "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
            "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
            "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
            "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
            "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
            "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
            "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
            "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
            "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
            "drawingGridHorizontalSpacing drawingGridVerticalSpacing "
            "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
            "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
            "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
            "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
            "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
            "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
            "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
            "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr "
            "compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
            "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
            "readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
            "doNotEmbedSmartTags decimalSymbol listSeparator"
        ).split()
    ),
}


#: Position of each child name in its container, for sorting.
_RANK = {tag: {name: names.index(name) for name in names} for tag, names in ORDER.items()}


def ordered(tag: str, children: list[etree._Element]) -> etree._Element:
    """A `tag` container holding `children` in schema order (stable for equals)."""
    rank = _RANK[tag]
    node = el(tag)
    for child in sorted(children, key=lambda c: rank[etree_localname(c)]):
        node.append(child)
    return node


def place(container: etree._Element, child: etree._Element) -> etree._Element:
    """Insert `child` into an existing container at its schema position, replacing a
    child of the same name; returns the child."""
    order = ORDER[etree_localname(container)]
    name = etree_localname(child)
    rank = order.index(name)
    for old in container:
        if isinstance(old.tag, str) and etree_localname(old) == name:
            old.addprevious(child)
            container.remove(old)
            return child
    for existing in container:
        if not isinstance(existing.tag, str):
            continue
        local = etree_localname(existing)
        if local in order and order.index(local) > rank:
            existing.addprevious(child)
            return child
    container.append(child)
    return child
