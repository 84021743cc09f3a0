def test_package_importable_as_coordmap():
    import coordmap.processing.analysis as analysis
    assert analysis.__name__ == "coordmap.processing.analysis"
