"""The map: class breaks and colours, the drawing strategy, GeoJSON and folium rendering, tooltips."""
